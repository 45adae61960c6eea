import { Component, type ReactNode } from 'react';

interface PartBoundaryProps {
  /** What the part is, for the message ("The corpus view"). */
  name: string;
  /** When this changes (another mode, another document), the part is drawn again. */
  resetKey?: string;
  children: ReactNode;
}

interface PartBoundaryState {
  error: Error | null;
  resetKey: string | undefined;
}

/**
 * Keeps a failure inside one part of the window: a part whose code fails to load or
 * whose drawing throws is replaced by a message saying so, while the rest of the window
 * (the library, the top bar) stays usable. The store is not involved: every change was
 * saved when it was made, so reloading the window loses nothing.
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<PartBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PartBoundaryProps, state: PartBoundaryState): Partial<PartBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`${this.props.name} stopped:`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-failed" role="alert">
        <p>
          {this.props.name} stopped: {error.message}
        </p>
        <p>Your work is saved. Choose another document or mode, or reload the window.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the window
        </button>
      </div>
    );
  }
}
