/** What an export puts in the one file the analyst chose. */
import type { FormatFile, FormatName } from '../../../annotations/formats/format';
import { formatInfo } from '../../../annotations/formats/format-table';
import { codecs } from '../../../annotations/formats/index';
import type { LabelSchema } from '../../../annotations/model';
import { zipFiles } from '../../../annotations/formats/zip';

/**
 * The file name offered in the save dialog for an export in `format`, asked
 * for before the export runs: a zip for a format that writes several files,
 * else the name its codec gives its one file (read from an export of no
 * documents, which takes no time).
 */
export function exportFileName(format: FormatName, labels: LabelSchema): string {
  const info = formatInfo(format);
  if (info.folder) return `parley-${format}.zip`;
  const empty = codecs[format].export({ labels, documents: [] }, {});
  return empty.ok && empty.value.files.length === 1 ? empty.value.files[0]!.path.split('/').at(-1)! : `parley-${format}.${info.extensions[0]}`;
}

/** The bytes of the chosen file: the export's one file as it is, or a zip of its files (as `parley export --out x.zip` writes them). */
export function exportFileData(format: FormatName, files: readonly FormatFile[]): string | Uint8Array {
  return files.length === 1 && !formatInfo(format).folder ? files[0]!.data : zipFiles([...files]);
}
