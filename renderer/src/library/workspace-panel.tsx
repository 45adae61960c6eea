import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { WorkspaceStatus } from '../../../shared/workspace';
import { formatRelativeTime } from './format-time';
import { STATUS_NAMES } from './status-names';

/** How often the panel asks the main process for the workspace's state. */
const REFRESH_MS = 15_000;

/**
 * The team workspace in the library (docs/workspace.md): connected or not,
 * changes waiting, last sync, a Sync now button, the password (kept in the
 * system keychain), and each colleague's progress per document. Shows nothing
 * when the library is not linked to a workspace.
 */
export function WorkspacePanel() {
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');

  const refresh = useCallback(async () => {
    const result = await window.parley.api.workspaceStatus({});
    if (result.ok) setStatus(result.value);
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!status) return null;

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    const result = await window.parley.api.syncWorkspace({});
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else {
      setMessage(result.error.message);
      void refresh();
    }
  };

  const savePassword = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return;
    setBusy(true);
    setMessage(null);
    const result = await window.parley.api.setWorkspacePassword({ password });
    setBusy(false);
    setPassword('');
    if (result.ok) setStatus(result.value);
    else {
      setMessage(result.error.message);
      void refresh();
    }
  };

  const state = status.syncing || busy ? 'Syncing…' : status.connected ? 'Connected' : 'Not connected';
  const byColleague = new Map<string, WorkspaceStatus['progress']>();
  for (const row of status.progress) byColleague.set(row.name, [...(byColleague.get(row.name) ?? []), row]);

  return (
    <section className="workspace-panel" aria-label="Team workspace" data-testid="workspace-panel">
      <h3 className="workspace-title">Team workspace</h3>
      <p className="workspace-state" role="status">
        <strong>{state}</strong> · {status.waiting === 1 ? '1 change waiting' : `${status.waiting} changes waiting`}
        <br />
        <span className="workspace-detail">
          {status.displayName} ({status.kind}) · {status.lastSyncAt ? `last sync ${formatRelativeTime(status.lastSyncAt)}` : 'never synced'}
        </span>
      </p>
      {(message ?? status.lastError) && <p className="workspace-error">{message ?? status.lastError}</p>}
      <button type="button" onClick={() => void syncNow()} disabled={busy}>
        Sync now
      </button>
      {(!status.connected || !status.passwordSaved) && (
        <form className="workspace-password" onSubmit={(e) => void savePassword(e)}>
          <label>
            Password for {status.server}
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !password}>
            Save in keychain
          </button>
        </form>
      )}
      {status.notes.length > 0 && (
        <ul className="workspace-notes" aria-label="Workspace notes">
          {status.notes.slice(-3).map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      {byColleague.size > 0 && (
        <details className="workspace-progress">
          <summary>Colleagues' progress</summary>
          {[...byColleague.entries()].map(([name, rows]) => (
            <div key={name}>
              <h4>
                {name} · {rows.filter((r) => r.status === 'done').length} of {rows.length} done
              </h4>
              <ul aria-label={`${name}'s progress`}>
                {rows.map((r) => (
                  <li key={r.documentId}>
                    {r.title}: {STATUS_NAMES[r.status].toLowerCase()}, {r.annotations === 1 ? '1 annotation' : `${r.annotations} annotations`}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
