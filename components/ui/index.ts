export { Button, type ButtonProps } from './Button';
export { ErrorText, hasMessages, type ErrorTextProps } from './ErrorText';
export { Field, describedBy, fieldIds, type FieldProps } from './Field';
