export { Button, type ButtonProps } from '@/components/ui/button';
export { ErrorText, hasMessages, type ErrorTextProps } from '@/components/ui/error-text';
export { Field, describedBy, fieldIds, type FieldProps } from '@/components/ui/field';
export { DataTable, type DataTableProps } from '@/components/ui/data-table';
