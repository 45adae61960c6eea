import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/api';
import type { DocumentSummary } from '../../../shared/library';
import { failureLines } from '../ui/format-problem';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';

interface DeletedDocumentsDialogProps {
  open: boolean;
  /** The documents in the library now; backups of any other document belong to a deleted one. */
  documents: DocumentSummary[];
  onClose: () => void;
  onRestored: (document: DocumentSummary, backup: BackupEntry) => void;
}

type Load = { state: 'loading' } | { state: 'loaded'; deleted: BackupEntry[] } | { state: 'failed'; message: string };

/**
 * Deleted documents that still have backups, each with its last version, and
 * a way to bring one back into the library with its annotations.
 */
export function DeletedDocumentsDialog({ open, documents, onClose, onRestored }: DeletedDocumentsDialogProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const present = documents.map((d) => d.id).join(' ');

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setLoad({ state: 'loading' });
    void window.parley.api.listBackups({}).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setLoad({ state: 'failed', message: failureLines(result.error).message });
      const inLibrary = new Set(present.split(' '));
      // Backups come newest first: the first seen for a document is its last version.
      const latest = new Map<string, BackupEntry>();
      for (const backup of result.value) if (!inLibrary.has(backup.documentId) && !latest.has(backup.documentId)) latest.set(backup.documentId, backup);
      setLoad({ state: 'loaded', deleted: [...latest.values()] });
    });
    return () => {
      cancelled = true;
    };
  }, [open, present]);

  const restore = async (backup: BackupEntry) => {
    setRestoring(backup.id);
    setRestoreError(null);
    const result = await window.parley.api.restoreBackup({ backupId: backup.id });
    setRestoring(null);
    if (result.ok) onRestored(result.value, backup);
    else setRestoreError(result.error.message);
  };

  return (
    <Dialog open={open} title="Deleted documents" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      {load.state === 'loading' && <p className="muted">Looking for deleted documents…</p>}
      {load.state === 'failed' && <p role="alert">Could not list the backups: {load.message}</p>}
      {load.state === 'loaded' && load.deleted.length === 0 && <p className="muted">No deleted documents. When you delete one, its last version is kept here.</p>}
      {load.state === 'loaded' && load.deleted.length > 0 && (
        <>
          <p className="muted">Each deleted document as it was when it was deleted. Restoring puts it back in the library with its annotations.</p>
          <ul className="backup-list" aria-label="Deleted documents">
            {load.deleted.map((backup) => (
              <li key={backup.id} className="backup-item">
                <span className="backup-when">
                  <strong>{backup.title}</strong>
                  <span className="muted">
                    {' '}
                    · <time dateTime={backup.takenAt}>{formatAbsoluteTime(backup.takenAt)}</time> ({formatRelativeTime(backup.takenAt)})
                  </span>
                </span>
                <span className="backup-count">
                  {backup.annotationCount} {backup.annotationCount === 1 ? 'annotation' : 'annotations'}
                </span>
                <Button size="small" variant="primary" disabled={restoring !== null} onClick={() => void restore(backup)} aria-label={`Restore “${backup.title}”`}>
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {restoreError && (
        <p role="alert" className="field-error">
          Could not restore: {restoreError}
        </p>
      )}
    </Dialog>
  );
}
