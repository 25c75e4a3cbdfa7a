import { Component, useId, type ErrorInfo, type ReactNode } from 'react';
import { safeJsonText } from '@/utils/safe-json';

export interface RecordBoundaryProps {
  /** What was being shown, written out as raw JSON when showing it fails. */
  raw: unknown;
  /** The heading when rendering fails; the default names a record. */
  title?: string;
  /** A new value (another record, another answer) clears a caught failure by itself. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The resetKey last rendered with; a different one clears the failure. */
  resetKey: unknown;
}

/**
 * Catches a render failure in a record or an answer (a value like `{"toString":1}` that breaks
 * a component), so the surface shows what came instead of going blank: "This record could not be
 * shown", the raw JSON as text, and "Try again".
 * @example <RecordBoundary raw={lookup.result} resetKey={lookup.result}><RecordSummary record={record} /></RecordBoundary>
 */
export class RecordBoundary extends Component<RecordBoundaryProps, State> {
  constructor(props: RecordBoundaryProps) {
    super(props);
    this.state = { error: null, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(safeJsonText(error)) };
  }

  static getDerivedStateFromProps(props: RecordBoundaryProps, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the surface already says what happened.
    console.error('[mdi] a record could not be rendered', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <RenderFailure title={this.props.title ?? 'This record could not be shown'} raw={this.props.raw} error={this.state.error} onRetry={this.retry} />;
  }
}

function RenderFailure({ title, raw, error, onRetry }: { title: string; raw: unknown; error: Error; onRetry(): void }) {
  const id = useId();
  return (
    <section className="mdi-stack mdi-render-failure" role="alert" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>
        Something in it is not what this view expects ({error.message || error.name}). Nothing was changed. Here is what came, as text:
      </p>
      <pre className="mdi-pre" aria-label="Raw JSON">
        {safeJsonText(raw)}
      </pre>
      <div>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </section>
  );
}
