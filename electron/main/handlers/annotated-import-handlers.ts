/**
 * The Import dialog's annotated import, in two steps: `plan…` reads the
 * chosen files, decodes them and lists the "looks like an edited version of …"
 * pairings without writing anything; `applyAnnotatedImport` then imports the
 * planned file with the pairings the analyst chose to merge (every other text
 * is added as a new document). `importAnnotatedFromDialog` does both at once,
 * merging only what the rule merges by itself.
 */
import path from 'node:path';
import type { Corpus } from '../../../annotations/model';
import { detectFormat, wrongFormatMessage } from '../../../annotations/formats/detect-format';
import type { FormatName } from '../../../annotations/formats/format';
import { FORMAT_NAMES, FORMAT_TITLES, isFormatName } from '../../../annotations/formats/index';
import { fail, ok, type Problem, type Result } from '../../../annotations/result';
import type { AnnotatedImportPlan, AnnotatedImportReport, ApiInput } from '../../../shared/api';
import type { ApiHandlers } from '../ipc/register-api';
import { runFormatJobWith } from '../../node/tasks/run-format-job';
import { withTask } from '../../node/tasks/task-registry';
import { importAnnotatedDocuments, proposeAnnotatedPairings, type ConfirmedMerge } from '../../node/import/annotated-import';
import type { HandlerContext } from './handler-deps';
import { formatExtensions, readFormatFiles } from '../../node/import/format-files';

type AnnotatedImportMethods = 'importAnnotatedFromDialog' | 'planAnnotatedImportFromDialog' | 'applyAnnotatedImport';

/** A decoded file waiting for the analyst's choices. */
interface PendingImport {
  planId: string;
  source: string;
  format: FormatName;
  /** What detection found, when no format was chosen. */
  detected?: string;
  corpus: Corpus;
  notes: Problem[];
  /** Annotations the format reader itself could not place. */
  orphans: AnnotatedImportReport['orphans'];
}

/** Handlers for importing annotated documents into one's own library. */
export function createAnnotatedImportHandlers(deps: HandlerContext): Pick<ApiHandlers, AnnotatedImportMethods> {
  const { store, settings, dialogs, tasks, formatWorker, now } = deps;
  // Only the latest plan can be applied: a new one replaces it, and applying it uses it up.
  let pending: PendingImport | undefined;
  let plans = 0;

  const read = async ({ format: chosen }: ApiInput<'planAnnotatedImportFromDialog'>): Promise<Result<PendingImport | null>> => {
    const paths = await dialogs.openFiles(
      chosen
        ? { title: `Import annotated documents (${FORMAT_TITLES[chosen]})`, filters: [{ name: FORMAT_TITLES[chosen], extensions: formatExtensions(chosen) }] }
        : { title: 'Import annotated documents', filters: [{ name: 'Annotated documents', extensions: [...new Set(FORMAT_NAMES.flatMap(formatExtensions))] }] },
    );
    if (!paths) return ok(null);
    const files = await readFormatFiles(paths);
    if (!files.ok) return files;
    const source = paths.length === 1 ? path.basename(paths[0]!) : `${paths.length} files`;
    // Without a chosen format, detection proposes one; the plan names it for the analyst to confirm.
    const found = chosen ? undefined : detectFormat(files.value);
    const format = chosen ?? (found && isFormatName(found.format) ? found.format : undefined);
    if (!format) return fail('invalid-format', `Parley cannot tell which format ${source} is in; choose its format in the list`);
    const decoded = await withTask(tasks, `Reading ${source}`, (task) =>
      runFormatJobWith(formatWorker, { kind: 'import', format, files: files.value, options: { labels: store.getLabels(), author: settings.author(), now: now() } }, task),
    );
    if (!decoded.ok) {
      if (decoded.error.code === 'cancelled') return fail('cancelled', 'the import was cancelled; the library is unchanged');
      // A wrong choice of format: one sentence naming the likely one, not every parse error.
      const likely = chosen ? wrongFormatMessage(files.value, chosen) : undefined;
      return likely ? fail('invalid-format', `${source}: ${likely}; choose it in the list, or "Detect from the file"`) : decoded;
    }
    const { corpus, warnings, ignored, orphans } = decoded.value;
    const title = (documentId: string) => corpus.documents.find((d) => d.document.id === documentId)?.document.title ?? documentId;
    plans++;
    return ok({
      planId: `plan-${plans}`,
      source,
      format,
      ...(found ? { detected: `${found.title} (${found.reason})` } : {}),
      corpus,
      notes: [...warnings, ...ignored.map((i) => ({ message: `${i.count} ${i.kind} ignored: Parley does not hold them` }))],
      orphans: (orphans ?? []).map((o) => ({ documentId: o.documentId, title: title(o.documentId), quote: o.annotation.quote.exact, labelId: o.annotation.labelId, author: o.annotation.author, reason: o.reason })),
    });
  };

  const apply = async (plan: PendingImport, merges: readonly ConfirmedMerge[]): Promise<Result<AnnotatedImportReport>> => {
    const report = await withTask(tasks, `Importing ${plan.source}`, async (task) => {
      const control = { onProgress: (d: number, t: number) => task.progress(d, t), isCancelled: () => task.isCancelled() };
      const imported = await importAnnotatedDocuments(store, plan.corpus, { author: settings.author(), source: plan.source, warnings: plan.notes, control, merges });
      if (!imported.ok) return imported;
      // Annotations the format reader itself could not place (a Parley file whose text was edited) are orphans too.
      imported.value.orphans.push(...plan.orphans);
      return imported;
    });
    if (!report.ok) return report.error.code === 'cancelled' ? fail('cancelled', 'the import was cancelled; the library is unchanged') : report;
    deps.notify({ type: 'library-changed' });
    return report;
  };

  return {
    async importAnnotatedFromDialog(input) {
      const plan = await read(input);
      if (!plan.ok || plan.value === null) return plan as Result<null>;
      return apply(plan.value, []);
    },

    async planAnnotatedImportFromDialog(input) {
      const plan = await read(input);
      if (!plan.ok || plan.value === null) return plan as Result<null>;
      pending = plan.value;
      const distinct = new Set(plan.value.corpus.documents.map((d) => d.document.sha256)).size;
      return ok<AnnotatedImportPlan>({
        planId: pending.planId,
        source: pending.source,
        documents: distinct,
        pairings: proposeAnnotatedPairings(store, pending.corpus),
        format: pending.format,
        ...(pending.detected ? { detected: pending.detected } : {}),
      });
    },

    async applyAnnotatedImport({ planId, merges }) {
      if (!pending || pending.planId !== planId) return fail('not-found', 'this import is no longer waiting to be applied; choose the file again');
      const plan = pending;
      pending = undefined;
      return apply(plan, merges);
    },
  };
}
