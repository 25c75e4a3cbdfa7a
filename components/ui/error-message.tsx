import { describeError, type ErrorInfo } from '@/utils/errors';

/** An error as a sentence that says what to do, announced to screen readers. */
export function ErrorMessage({ error, id }: { error: ErrorInfo | null | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p className="mdi-error" role="alert" id={id}>
      {describeError(error)}
    </p>
  );
}
