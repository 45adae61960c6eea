import { describe, expect, it } from 'vitest';
import { ok } from '../../../annotations/result';
import { API_METHODS, channelOf } from '../../../shared/api-methods';
import { registerApi, type ApiHandlers, type InvokeEventLike } from './register-api';
import { createSenderCheck } from './sender-check';

type Listener = (event: InvokeEventLike, input: unknown) => Promise<unknown>;

function registry(handlers: Partial<ApiHandlers>) {
  const channels = new Map<string, Listener>();
  const all = Object.fromEntries(API_METHODS.map((m) => [m, handlers[m] ?? (async () => ok(`${m} ran`))])) as unknown as ApiHandlers;
  registerApi({ handle: (c, l) => channels.set(c, l) }, all, createSenderCheck(['parley://app']));
  return channels;
}

const own: InvokeEventLike = { senderFrame: { url: 'parley://app/index.html' } };

describe('registerApi', () => {
  it('registers one channel per API method', () => {
    expect([...registry({}).keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
  });

  it('refuses calls from any frame that is not our renderer', async () => {
    const channel = registry({}).get(channelOf('listDocuments'))!;
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'parley://other/index.html', 'not a url']) {
      expect(await channel({ senderFrame: { url } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await channel({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await channel(own, {})).toEqual({ ok: true, value: 'listDocuments ran' });
  });

  it('refuses payloads that fail the schema, naming the field, before the handler runs', async () => {
    let ran = false;
    const channel = registry({ addAnnotations: async () => ((ran = true), ok(null as never)) }).get(channelOf('addAnnotations'))!;
    const bad = [
      { documentId: 'd', spans: [{ start: -1, end: 3, labelId: 'actor' }] },
      { documentId: 'd', spans: [{ start: 0, end: 3, labelId: 'actor', extra: 1 }] },
      { documentId: 'd', spans: [] },
      JSON.parse('{"documentId":"d","spans":[{"start":0,"end":1,"labelId":"actor"}],"__proto__":{"polluted":true}}'),
      'a string',
      null,
    ];
    for (const input of bad) {
      const result = (await channel(own, input)) as { ok: boolean; error?: { code: string; problems?: unknown[] } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('invalid-input');
    }
    expect(ran).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('guards every method: another origin is forbidden and a payload that fails the schema is refused, before the handler runs', async () => {
    const ran: string[] = [];
    const channels = registry(Object.fromEntries(API_METHODS.map((m) => [m, async () => (ran.push(m), ok(null as never))])));
    const foreign: InvokeEventLike[] = [{ senderFrame: { url: 'https://example.org/' } }, { senderFrame: { url: 'parley://app.evil/index.html' } }, { senderFrame: null }];
    for (const method of API_METHODS) {
      const channel = channels.get(channelOf(method))!;
      for (const event of foreign) expect([method, await channel(event, {})]).toMatchObject([method, { ok: false, error: { code: 'forbidden' } }]);
      for (const input of ['a string', 42, null, [], { unexpectedField: 1 }, JSON.parse('{"__proto__":{"polluted":1}}')])
        expect([method, input, await channel(own, input)]).toMatchObject([method, input, { ok: false, error: { code: 'invalid-input' } }]);
    }
    expect(ran).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns a handler that throws into an internal-error result', async () => {
    const channel = registry({
      listDocuments: async () => {
        throw new Error('disk on fire');
      },
    }).get(channelOf('listDocuments'))!;
    expect(await channel(own, {})).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk on fire') } });
  });

  it('answers calls made while the store opens once it is open, and refuses forged ones at once', async () => {
    const channels = new Map<string, Listener>();
    let ready!: (handlers: ApiHandlers) => void;
    const pending = new Promise<ApiHandlers>((resolve) => (ready = resolve));
    registerApi({ handle: (c, l) => channels.set(c, l) }, pending, createSenderCheck(['parley://app']));
    const list = channels.get(channelOf('listDocuments'))!;
    const early = list(own, {});
    // Checks that need no store answer before it opens.
    expect(await list({ senderFrame: { url: 'https://example.org/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await list(own, 'a string')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    let answered = false;
    void early.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    ready(Object.fromEntries(API_METHODS.map((m) => [m, async () => ok(`${m} ran once open`)])) as unknown as ApiHandlers);
    expect(await early).toEqual({ ok: true, value: 'listDocuments ran once open' });
    expect(await list(own, {})).toEqual({ ok: true, value: 'listDocuments ran once open' });
  });

  it('answers every call with the reason when the store could not be opened', async () => {
    const channels = new Map<string, Listener>();
    const failed = Promise.reject(new Error('the store at /data/parley is locked by pid 4242'));
    registerApi({ handle: (c, l) => channels.set(c, l) }, failed, createSenderCheck(['parley://app']));
    for (const method of ['listDocuments', 'getLabels'] as const) {
      expect(await channels.get(channelOf(method))!(own, {})).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('locked by pid 4242') } });
    }
  });
});
