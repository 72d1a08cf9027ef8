import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the pane shows, in words: "This draft", "The article list". */
  what: string;
  /** A new key (another article opened) gives the pane a fresh start. */
  resetKey?: unknown;
  children: ReactNode;
}

/** The failure has not yet been tied to the key the pane had when it failed. */
const UNSET = Symbol('unset');

interface State {
  failed: string | null;
  failedAt: unknown;
}

/**
 * One pane that fails to render (a draft whose state the editor cannot open, an article
 * whose HTML trips a view) shows a message in its place; the rest of the window goes on.
 * Nothing is written: the stored article is as it was.
 */
export class PaneBoundary extends Component<Props, State> {
  state: State = { failed: null, failedAt: UNSET };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: describe(error), failedAt: UNSET };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.failed === null) return null;
    if (state.failedAt === UNSET) return { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { failed: null, failedAt: UNSET };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.what} could not be shown`, error, info.componentStack);
  }

  render(): ReactNode {
    const { failed } = this.state;
    if (!failed) return this.props.children;
    return (
      <div className="pane-message centered pane-failed" role="alert">
        <p>
          {this.props.what} could not be shown: {failed} Nothing was changed; the rest of Dateline works as before.
        </p>
        <button type="button" onClick={() => this.setState({ failed: null, failedAt: UNSET })}>
          Try again
        </button>
      </div>
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'it nests too deeply for the editor.';
  const message = error instanceof Error ? error.message.split('\n')[0]!.trim() : '';
  if (!message) return 'something in it could not be displayed.';
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
