import { useCallback, useEffect, useState } from 'react';
import type { StoreSize } from '../../../shared/library';

/** "12.5 MB", "840 KB", "0 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * The store's size on disk at the foot of the library, by part: documents,
 * kept originals (PDF, Word, saved pages) and backups. Measured again when
 * the library changes (an import, a deletion, an original removed).
 */
export function StoreSizeLine({ documentCount }: { documentCount: number }) {
  const [size, setSize] = useState<StoreSize | null>(null);
  const measure = useCallback(async () => {
    const result = await window.parley.api.storeSize({});
    if (result.ok) setSize(result.value);
  }, []);

  useEffect(() => {
    void measure();
  }, [measure, documentCount]);
  useEffect(
    () =>
      window.parley.onEvent((event) => {
        if (event.type === 'library-changed') void measure();
      }),
    [measure],
  );

  if (!size) return null;
  const { documents, originals, backups, other } = size;
  return (
    <p className="store-size muted small" data-testid="store-size" title={`Settings and other files: ${formatBytes(other.bytes)}`}>
      Store {formatBytes(size.totalBytes)}: {count(documents.count, 'document', 'documents')} {formatBytes(documents.bytes)}, {count(originals.count, 'original', 'originals')}{' '}
      {formatBytes(originals.bytes)}, backups {formatBytes(backups.bytes)}
    </p>
  );
}
