import type { Label } from '../../../annotations/model';
import { keyLabel, READER_COMMANDS, type KeyBindings } from '../../../shared/key-bindings';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { keyPlatform } from './key-names';
import { FIXED_SHORTCUTS } from './reader-keymap';

interface ShortcutSheetProps {
  open: boolean;
  labels: readonly Label[];
  /** Each command's keys in effect (the analyst's own, else the defaults). */
  keys: KeyBindings;
  /** Keys of the mode the reader is in (review), listed after the reader's own. */
  more?: ReadonlyArray<readonly [keys: string, action: string]>;
  /** Opens the settings that rebind the keys; without it the sheet offers none. */
  onChangeKeys?(): void;
  onClose(): void;
}

const MOD = keyPlatform() === 'mac' ? '⌘' : 'Ctrl';

/** The keys the reader understands as they are bound now, in a modal sheet opened with `?`. */
export function ShortcutSheet({ open, labels, keys, more = [], onChangeKeys, onClose }: ShortcutSheetProps) {
  const platform = keyPlatform();
  const rows: Array<readonly [string, string]> = [
    ...labels.filter((l) => l.shortcut).map((l): [string, string] => [l.shortcut, `Tag the selection as ${l.name}`]),
    ...READER_COMMANDS.filter((c) => keys[c.id].length > 0).map((c): [string, string] => [keys[c.id].map((k) => keyLabel(k, platform)).join(' or '), c.action]),
    ...FIXED_SHORTCUTS.map(([k, action]): [string, string] => [k.replaceAll('Mod', MOD), action]),
    ...more,
  ];
  return (
    <Dialog
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      size="medium"
      footer={
        onChangeKeys && (
          <Button onClick={onChangeKeys}>
            Change keys…
          </Button>
        )
      }
    >
      {/* A stop for the keyboard, so the list can be scrolled without a mouse. */}
      <div tabIndex={0} role="region" aria-label="Shortcut list">
        <table className="parley-shortcuts">
          <tbody>
            {rows.map(([k, action]) => (
              <tr key={`${k} ${action}`}>
                <th scope="row">
                  <kbd>{k}</kbd>
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
