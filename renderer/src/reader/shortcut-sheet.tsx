import type { Label } from '../../../annotations/model';
import { Dialog } from '../ui/dialog';
import { RELABEL_KEY } from './reader-keymap';

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
    ['Shift+Arrow, Shift+Ctrl+Arrow', 'Select text with the keyboard (by character or by word)'],
    ['Double-click', 'Select a word'],
    ['Tab / Shift+Tab', 'Select the next / previous annotation'],
    ['Delete', 'Delete the selected annotation'],
    [`${RELABEL_KEY} then a label key`, 'Change the label of the selected annotation'],
    ['Enter', 'Edit the note of the selected annotation'],
    ['Escape', 'Clear the selection; close a menu'],
    [`${MOD}+Z`, 'Undo'],
    [`${MOD}+Shift+Z`, 'Redo'],
    [`${MOD}+F`, 'Search the document'],
    ['?', 'Show this sheet'],
    ...more,
  ];
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} size="medium">
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
    </Dialog>
  );
}
