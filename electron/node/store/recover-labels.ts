/**
 * After the index (`library.json`) is restored from a backup or rebuilt, the
 * labels its annotations use must all be in it again: a backup taken before
 * a label was added does not have that label. Each missing label is taken
 * from the newest library backup that defines it, or recreated from its id.
 */
import { readFile } from 'node:fs/promises';
import type { Label } from '../../../annotations/model';
import type { BackupRecord } from './backups';
import { parseStoreFile } from './durable-file-adapter';
import { libraryFileSchema, STORE_SCHEMA_VERSION, type DocumentFile } from './store-schemas';
import { plural } from '../../../annotations/text/plural';

/** Colours for recreated labels, in turn. */
const COLOURS = ['#7c3aed', '#0891b2', '#65a30d', '#dc2626', '#9333ea', '#0d9488', '#ca8a04', '#4f46e5'];

/** The labels with every label the documents' annotations use, what was added, and a sentence saying so. */
export async function recoverLabels(
  labels: readonly Label[],
  files: Iterable<DocumentFile>,
  libraryBackups: readonly BackupRecord[],
): Promise<{ labels: Label[]; added: Label[]; details: string[] }> {
  const known = new Set(labels.map((l) => l.id));
  const missing = new Map<string, number>();
  for (const file of files) {
    for (const layer of file.layers) for (const a of layer.annotations) if (!known.has(a.labelId)) missing.set(a.labelId, (missing.get(a.labelId) ?? 0) + 1);
  }
  if (missing.size === 0) return { labels: [...labels], added: [], details: [`Every label the annotations use is in the restored index (${labels.length} labels).`] };
  const found = new Map<string, Label>();
  for (const record of libraryBackups) {
    if (found.size === missing.size) break;
    let backupLabels: Label[];
    try {
      backupLabels = parseStoreFile(record.file, await readFile(record.file), libraryFileSchema, STORE_SCHEMA_VERSION).labels.labels;
    } catch {
      continue; // a damaged or newer backup has no labels to offer
    }
    for (const label of backupLabels) if (missing.has(label.id) && !found.has(label.id)) found.set(label.id, label);
  }
  const added: Label[] = [];
  const described: string[] = [];
  for (const [id, count] of missing) {
    const fromBackup = found.get(id);
    const label = fromBackup
      ? { ...fromBackup, shortcut: labels.some((l) => l.shortcut !== '' && l.shortcut === fromBackup.shortcut) ? '' : fromBackup.shortcut }
      : { id, name: readableName(id), color: COLOURS[added.length % COLOURS.length]!, shortcut: '', description: '' };
    added.push(label);
    described.push(`${label.name} (${plural(count, 'annotation')}; ${fromBackup ? 'definition from an older backup' : 'recreated from its id: check its name and colour'})`);
  }
  return {
    labels: [...labels, ...added],
    added,
    details: [`Labels that annotations use but the restored index lacked were put back: ${described.join(', ')}.`],
  };
}

function readableName(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}
