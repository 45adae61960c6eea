/**
 * A separate process that opens a store the way the app does and holds it
 * until it is killed: the other writer in the two-writers test. With `tag`,
 * it first tags the first word of the first document (a save that is then
 * only in that document's journal). Prints `ready <pid> [<annotation id>]`
 * once the store is open and the tag saved. Bundled by the test with esbuild.
 */
import { createAnnotation } from '../../../annotations/annotation';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { openAppStore } from '../../node/open-app-store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: store-holder <store dir> [tag]');
const opened = await openAppStore(dir, 'holder', { seedSamples: true });
if (!opened.ok) {
  process.stdout.write(`failed ${opened.error.code}: ${opened.error.message}\n`);
  process.exit(1);
}
let tagged = '';
if (process.argv[3] === 'tag') {
  const { store } = opened.value;
  const view = store.getDocument(store.listDocuments()[0]!.id);
  if (!view.ok) throw new Error(view.error.message);
  const { id: documentId, text } = view.value.document;
  const made = createAnnotation(text, { documentId, start: 0, end: text.search(/\s/), labelId: 'actor', author: 'holder', now: new Date().toISOString() });
  if (!made.ok) throw new Error(made.error.message);
  const saved = await store.changeAnnotations(documentId, OWN_LAYER_ID, { removed: [], added: [made.value] }, 'Tag');
  if (!saved.ok) throw new Error(saved.error.message);
  tagged = ` ${made.value.id}`;
}
process.stdout.write(`ready ${process.pid}${tagged}\n`);
// Hold the store open until killed.
setInterval(() => undefined, 60_000);
