/**
 * Entity links across an exchange, through the handlers on real stores: a
 * brat export writes each linked span's entity as an `N` line, and importing
 * it into another library links the spans again, adding the entity once (by
 * its id) or joining the library's entity of that kind and name. Hangul,
 * emoji and CRLF text.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXT = 'Chung Dong-young 🇰🇷 met the envoy.\r\n정동영 said the 통일부 would reply.';
const span = (quote: string, labelId: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, labelId });

async function setup(author: string) {
  const { dir, opened } = await openTestStore(author);
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => {} });
  return { dir, api, dialogs };
}

/** A library where "Chung Dong-young" (alias 정동영) names two actor spans; exported as brat. */
async function exportedBrat(): Promise<{ file: string; entityId: string }> {
  const a = await setup('Ana');
  const entity = value(await a.api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: ['정동영'] }));
  const [doc] = value(await a.api.importTexts({ files: [{ name: 'envoy.txt', content: TEXT }] })).added;
  // Tagging a known name links it at once.
  value(await a.api.addAnnotations({ documentId: doc!.id, spans: [span('Chung Dong-young', 'actor'), span('정동영', 'actor'), span('통일부', 'policy-body')] }));
  const file = path.join(a.dir, 'envoy-brat.zip');
  a.dialogs.saves.push(file);
  value(await a.api.exportToDialog({ format: 'brat' }));
  return { file, entityId: entity.id };
}

async function linked(api: Awaited<ReturnType<typeof setup>>['api'], documentId: string): Promise<Array<[string, string | null]>> {
  const own = value(await api.getDocument({ documentId })).layers.find((l) => l.id === 'own')!.annotations;
  return own.map((a) => [a.quote.exact, a.entityId ?? null]);
}

describe('entity links through brat', () => {
  it('adds the entity to a library that lacks it, once, and links its spans', async () => {
    const { file, entityId } = await exportedBrat();
    const b = await setup('Ben');
    b.dialogs.opens.push([file]);
    const report = value(await b.api.importAnnotatedFromDialog({ format: 'brat' }))!;
    expect(report.warnings).toEqual([]);
    const documentId = report.added[0]!.id;
    expect(await linked(b.api, documentId)).toEqual([
      ['Chung Dong-young', entityId],
      ['정동영', entityId],
      ['통일부', null],
    ]);
    expect(value(await b.api.listEntities({}))).toEqual([{ id: entityId, name: 'Chung Dong-young', aliases: [], kind: 'actor' }]);
    // The same file again: its annotations are repeats, and the entity is not added twice.
    b.dialogs.opens.push([file]);
    value(await b.api.importAnnotatedFromDialog({ format: 'brat' }));
    expect(value(await b.api.listEntities({}))).toHaveLength(1);
  });

  it('joins the library’s own entity of that kind and name, keeping its id and aliases', async () => {
    const { file } = await exportedBrat();
    const c = await setup('Cleo');
    const own = value(await c.api.createEntity({ name: '정동영', kind: 'actor', aliases: ['Chung Dong-young', 'DY Chung'] }));
    c.dialogs.opens.push([file]);
    const report = value(await c.api.importAnnotatedFromDialog({ format: 'brat' }))!;
    expect(await linked(c.api, report.added[0]!.id)).toEqual([
      ['Chung Dong-young', own.id],
      ['정동영', own.id],
      ['통일부', null],
    ]);
    expect(value(await c.api.listEntities({}))).toEqual([own]);
  });

  it('adds the entities a colleague’s layer links to, so their links read back in review', async () => {
    const { file, entityId } = await exportedBrat();
    const d = await setup('Dana');
    const [doc] = value(await d.api.importTexts({ files: [{ name: 'envoy.txt', content: TEXT }] })).added;
    d.dialogs.opens.push([file]);
    value(await d.api.importLayerFromDialog({ format: 'brat', author: 'Ana' }));
    const layer = value(await d.api.getDocument({ documentId: doc!.id })).layers.find((l) => l.id === 'colleague:Ana')!;
    expect(layer.annotations.map((a) => [a.quote.exact, a.entityId ?? null])).toEqual([
      ['Chung Dong-young', entityId],
      ['정동영', entityId],
      ['통일부', null],
    ]);
    expect(value(await d.api.listEntities({})).map((e) => e.id)).toEqual([entityId]);
  });
});
