import { useState } from 'react';
import type { DatasetSchema } from '@/utils/schema';
import { IdentifierNameForm, NO_IDENTIFIER_WARNING } from '@/components/workspace/schema-tools';

/** Says the dataset cannot be used without an Identifier Name, and offers to set it where the profile may. */
export function MissingIdentifierName({
  schema,
  readOnly,
  needsReview,
  onSchemaChanged,
}: {
  schema: DatasetSchema;
  readOnly: boolean;
  /** Schema changes are reviewed first (the profile's write-review rule). */
  needsReview: boolean;
  onSchemaChanged?(next: DatasetSchema): void;
}) {
  const [open, setOpen] = useState(false);
  const canSet = !readOnly && onSchemaChanged !== undefined;
  return (
    <div className="mdi-card mdi-stack">
      <p role="alert" className="mdi-warn">
        {NO_IDENTIFIER_WARNING}
        {readOnly ? ' This profile is read-only, so it cannot set it.' : ''}
      </p>
      {canSet && !open && (
        <div>
          <button type="button" onClick={() => setOpen(true)}>
            Set Identifier Name…
          </button>
        </div>
      )}
      {canSet && open && <IdentifierNameForm schema={schema} needsReview={needsReview} onChanged={onSchemaChanged} />}
    </div>
  );
}
