/** Exporting annotations (in Parley's or another tool's format) and the statement table, to a file the analyst chooses. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_TITLES } from '../../../annotations/formats/index';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { fail, ok } from '../../../annotations/result';
import { libraryStatements } from '../../../annotations/corpus/library-statements';
import { statementsCsv, statementsJson } from '../../../annotations/statements/statement-table';
import { plural } from '../../../annotations/text/plural';
import { exportFileName } from '../../node/tasks/export-file-data';
import { exportToFile } from '../../node/tasks/export-to-file';
import { withTask } from '../../node/tasks/task-registry';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

/** The export handler. */
export function createExportHandlers({ store, dialogs, tasks, formatWorker, now }: HandlerContext): Pick<ApiHandlers, 'exportToDialog' | 'exportStatementsToDialog'> {
  return {
    async exportStatementsToDialog({ documentIds, layerId, format, rows }) {
      const corpus = store.exportCorpus(rows ? [...new Set(rows.map((r) => r.documentId))] : documentIds);
      if (corpus.documents.length === 0) return fail('not-found', 'there is nothing to export');
      const all = libraryStatements(corpus.documents, { entities: store.listEntities(), ...(layerId ? { layerId } : {}) });
      // The corpus view's filtered table: only the rows it names, in the library's order.
      const wanted = rows ? new Set(rows.map((r) => [r.documentId, r.positionId, r.actorId ?? '', r.targetId ?? ''].join('\u0000'))) : null;
      const statements = wanted ? all.filter((s) => wanted.has([s.documentId, s.position.annotationId, s.actor?.annotationId ?? '', s.target?.annotationId ?? ''].join('\u0000'))) : all;
      const target = await dialogs.saveFile({ title: 'Export the statement table', defaultPath: `statements.${format}`, filters: [{ name: format === 'csv' ? 'CSV' : 'JSON', extensions: [format] }] });
      if (!target) return ok(null);
      try {
        await writeFile(target, format === 'csv' ? statementsCsv(statements) : statementsJson(statements), 'utf8');
      } catch (error) {
        return fail('io-error', `could not write ${target}: ${(error as Error).message}`);
      }
      return ok({ path: target, statements: statements.length });
    },

    async exportToDialog({ documentIds, format, layerIds, allLayers }) {
      const corpus = store.exportCorpus(documentIds);
      if (corpus.documents.length === 0) return fail('not-found', 'there is nothing to export');
      // The target first: the export then writes straight into a file beside it, and nothing it makes is held or copied.
      const defaultName = exportFileName(format, corpus.labels);
      const target = await dialogs.saveFile({ title: 'Export annotations', defaultPath: defaultName, filters: [{ name: format, extensions: [path.extname(defaultName).slice(1) || 'json'] }] });
      if (!target) return ok(null);
      // Every layer is every layer any exported document has (the own, colleagues', the reconciled one), for every format alike.
      const everyLayer = () => [...new Set(corpus.documents.flatMap((d) => d.layers.map((l) => l.id)))];
      const options = { layerIds: allLayers ? everyLayer() : (layerIds ?? [OWN_LAYER_ID]), now: now() };
      const written = await withTask(tasks, `Exporting ${plural(corpus.documents.length, 'document')} as ${FORMAT_TITLES[format]}`, (task) => exportToFile(formatWorker, { format, corpus, options, target }, task));
      if (!written.ok) return written.error.code === 'cancelled' ? fail('cancelled', 'the export was cancelled; nothing was written') : written;
      return ok({ path: target, warnings: written.value.warnings });
    },
  };
}
