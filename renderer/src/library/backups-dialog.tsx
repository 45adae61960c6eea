import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/api';
import type { DocumentSummary } from '../../../shared/library';
import { failureLines } from '../ui/format-problem';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';

interface BackupsDialogProps {
  document: DocumentSummary | null;
  onClose: () => void;
  onRestored: (document: DocumentSummary, backup: BackupEntry) => void;
}

type Load = { state: 'loading' } | { state: 'loaded'; backups: BackupEntry[] } | { state: 'failed'; message: string; problems: string[] };

/** Lists a document's backups, newest first, and restores one after a second click. */
export function BackupsDialog({ document, onClose, onRestored }: BackupsDialogProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const documentId = document?.id ?? null;

  useEffect(() => {
    if (documentId === null) return;
    let cancelled = false;
    setLoad({ state: 'loading' });
    setConfirming(null);
    setRestoreError(null);
    void window.parley.api.listBackups({ documentId }).then((result) => {
      if (cancelled) return;
      if (result.ok) setLoad({ state: 'loaded', backups: [...result.value].sort((a, b) => b.takenAt.localeCompare(a.takenAt)) });
      else setLoad({ state: 'failed', ...failureLines(result.error) });
    });
    return () => {
      cancelled = true;
    };
  }, [documentId]);

  const restore = async (backup: BackupEntry) => {
    setRestoring(true);
    setRestoreError(null);
    const result = await window.parley.api.restoreBackup({ backupId: backup.id });
    setRestoring(false);
    if (result.ok) onRestored(result.value, backup);
    else setRestoreError(result.error.message);
  };

  return (
    <Dialog open={document !== null} title={document ? `Backups of “${document.title}”` : 'Backups'} onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      {load.state === 'loading' && <p className="muted">Loading backups…</p>}
      {load.state === 'failed' && (
        <div role="alert">
          <p>Could not list the backups: {load.message}</p>
          {load.problems.length > 0 && (
            <ul>
              {load.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {load.state === 'loaded' && load.backups.length === 0 && <p className="muted">This document has no backups yet. Parley keeps one when you change its annotations.</p>}
      {load.state === 'loaded' && load.backups.length > 0 && (
        <>
          <p className="muted">Restoring replaces the document’s annotations with those of the backup.</p>
          <ul className="backup-list" aria-label="Backups">
            {load.backups.map((backup) => (
              <li key={backup.id} className="backup-item">
                <span className="backup-when">
                  <time dateTime={backup.takenAt}>{formatAbsoluteTime(backup.takenAt)}</time>
                  <span className="muted"> · {formatRelativeTime(backup.takenAt)}</span>
                </span>
                <span className="backup-count">
                  {backup.annotationCount} {backup.annotationCount === 1 ? 'annotation' : 'annotations'}
                </span>
                {confirming === backup.id ? (
                  <span className="backup-confirm">
                    <Button size="small" onClick={() => setConfirming(null)}>
                      Keep current
                    </Button>
                    <Button size="small" variant="primary" disabled={restoring} onClick={() => void restore(backup)}>
                      Replace with backup
                    </Button>
                  </span>
                ) : (
                  <Button size="small" onClick={() => setConfirming(backup.id)} aria-label={`Restore backup of ${formatAbsoluteTime(backup.takenAt)}`}>
                    Restore…
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {restoreError && <p role="alert" className="field-error">Could not restore: {restoreError}</p>}
    </Dialog>
  );
}
