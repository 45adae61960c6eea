import { useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Label } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { bindingConflict, effectiveBindings, keyLabel, labelKeys, READER_COMMANDS, type KeyOverrides, type ReaderCommandId } from '../../../shared/key-bindings';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { keyNameOf, keyPlatform } from './key-names';

interface KeySettingsDialogProps {
  open: boolean;
  labels: readonly Label[];
  overrides: KeyOverrides;
  /** Saves the overrides (the store checks them again). */
  save(bindings: KeyOverrides): Promise<Result<{ keyBindings: KeyOverrides }>>;
  onSaved(overrides: KeyOverrides): void;
  onClose(): void;
}

/**
 * The reader's keys, each with a button that records a new one: press it and
 * the next key pressed becomes the command's key (Escape cancels). A key
 * another command or a label already has is refused, naming it. Each key can
 * be put back to its default, or all at once.
 */
export function KeySettingsDialog({ open, labels, overrides, save, onSaved, onClose }: KeySettingsDialogProps) {
  const platform = keyPlatform();
  const [recording, setRecording] = useState<ReaderCommandId | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const keys = effectiveBindings(overrides);

  const store = async (next: KeyOverrides, done: string) => {
    const saved = await save(next);
    if (!saved.ok) return setMessage({ text: saved.error.message, error: true });
    onSaved(saved.value.keyBindings);
    setMessage({ text: done, error: false });
  };

  const record = (id: ReaderCommandId, event: ReactKeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Tab') return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') {
      setRecording(null);
      setMessage({ text: 'Key unchanged.', error: false });
      return;
    }
    const name = keyNameOf(event.nativeEvent, platform);
    if (name === undefined) return;
    const action = READER_COMMANDS.find((c) => c.id === id)!.action;
    const conflict = bindingConflict(overrides, id, name, labelKeys(labels), platform);
    if (conflict) return setMessage({ text: conflict, error: true });
    setRecording(null);
    void store({ ...overrides, [id]: name }, `${action}: ${keyLabel(name, platform)}.`);
  };

  const reset = (id: ReaderCommandId) => {
    const { [id]: _dropped, ...rest } = overrides;
    void store(rest, `${READER_COMMANDS.find((c) => c.id === id)!.action}: back to ${READER_COMMANDS.find((c) => c.id === id)!.keys.map((k) => keyLabel(k, platform)).join(' or ')}.`);
  };

  return (
    <Dialog
      open={open}
      title="Reader keys"
      description="Choose a command's Change button, then press the new key. Label keys are set in Labels."
      onClose={onClose}
      size="large"
      footer={
        <>
          <Button onClick={() => void store({}, 'Every key is back to its default.')} disabled={Object.keys(overrides).length === 0}>
            Reset all keys
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      <p className={message?.error ? 'field-error parley-key-message' : 'parley-hint parley-key-message'} role={message?.error ? 'alert' : 'status'} aria-live="polite">
        {message?.text ?? ''}
      </p>
      <table className="parley-shortcuts parley-key-settings">
        <tbody>
          {READER_COMMANDS.map((command) => {
            const own = overrides[command.id] !== undefined;
            const shown = keys[command.id].map((k) => keyLabel(k, platform)).join(' or ');
            return (
              <tr key={command.id} data-command={command.id}>
                <th scope="row">{command.action}</th>
                <td>
                  <kbd>{shown}</kbd>
                  {own && <span className="parley-hint"> (yours)</span>}
                </td>
                <td>
                  <Button
                    size="small"
                    className="parley-key-record"
                    aria-label={recording === command.id ? `Press a key… for ${command.action}; Escape cancels` : `Change the key of ${command.action} (now ${shown})`}
                    aria-pressed={recording === command.id}
                    onClick={() => {
                      setRecording(command.id);
                      setMessage({ text: `Press the new key for “${command.action}” (Escape cancels).`, error: false });
                    }}
                    onKeyDown={recording === command.id ? (event) => record(command.id, event) : undefined}
                    onBlur={() => recording === command.id && setRecording(null)}
                  >
                    {recording === command.id ? 'Press a key…' : 'Change'}
                  </Button>{' '}
                  {own && (
                    <Button size="small" aria-label={`Reset the key of ${command.action}`} onClick={() => reset(command.id)}>
                      Reset
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}
