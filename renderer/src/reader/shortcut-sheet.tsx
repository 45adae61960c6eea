import type { Label } from '../../../annotations/model';
import { Dialog } from '../ui/dialog';
import { READER_SHORTCUTS } from './reader-keymap';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

interface ShortcutSheetProps {
  open: boolean;
  labels: readonly Label[];
  /** Keys of the mode the reader is in (review), listed after the reader's own. */
  more?: ReadonlyArray<readonly [keys: string, action: string]>;
  onClose(): void;
}

/** The keys the reader understands, in a modal sheet opened with `?`. */
export function ShortcutSheet({ open, labels, more = [], onClose }: ShortcutSheetProps) {
  const rows: Array<readonly [string, string]> = [
    ...labels.filter((l) => l.shortcut).map((l): [string, string] => [l.shortcut, `Tag the selection as ${l.name}`]),
    ...READER_SHORTCUTS.map(([keys, action]): [string, string] => [keys.replaceAll('Mod', MOD), action]),
    ...more,
  ];
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} size="medium">
      {/* A stop for the keyboard, so the list can be scrolled without a mouse. */}
      <div tabIndex={0} role="region" aria-label="Shortcut list">
        <table className="parley-shortcuts">
          <tbody>
            {rows.map(([keys, action]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
