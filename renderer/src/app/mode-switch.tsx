import './mode-switch.css';

/** What the main pane shows: the reader, the review of the open document, the agreement figures, or the library as a whole. */
export type AppMode = 'read' | 'review' | 'agreement' | 'corpus';

const MODES: ReadonlyArray<{ mode: AppMode; name: string; hint: string }> = [
  { mode: 'read', name: 'Read', hint: 'Read and tag the open document' },
  { mode: 'review', name: 'Review', hint: 'Compare your annotations on the open document with a colleague’s and settle the differences' },
  { mode: 'agreement', name: 'Agreement', hint: 'How far the layers agree, by pair, label and document' },
  { mode: 'corpus', name: 'Corpus', hint: 'The whole library: entities, search, the statement table and charts' },
];

interface ModeSwitchProps {
  mode: AppMode;
  /** Review needs an open document. */
  canReview: boolean;
  onChange(mode: AppMode): void;
}

/** One button per mode, one pressed: the mode the main pane is in. */
export function ModeSwitch({ mode, canReview, onChange }: ModeSwitchProps) {
  return (
    <div className="mode-switch" role="group" aria-label="Mode">
      {MODES.map((m) => (
        <button
          key={m.mode}
          type="button"
          className="mode-switch-button"
          aria-pressed={m.mode === mode}
          title={m.hint}
          disabled={m.mode === 'review' && !canReview}
          onClick={() => onChange(m.mode)}
        >
          {m.name}
        </button>
      ))}
    </div>
  );
}
