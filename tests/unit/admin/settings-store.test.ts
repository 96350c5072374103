import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRequest, type HubMethod } from '../../../ui/hub-request.js';
import { SettingsStore } from '../../../admin/state/settings-store.js';
import { signIn, startTestHub, type TestHub } from '../../helpers/test-hub.js';

/** The admin page's settings store, talking to a real hub over HTTP as the page does. */
describe('the settings draft against a real hub', () => {
  let t: TestHub;
  let token: string;
  const storeOf = (tok: string) =>
    new SettingsStore(<T>(method: HubMethod, path: string, body?: unknown) =>
      hubRequest<T>(method, `${t.url}${path}`, tok, body),
    );
  const counterNumber = (s: SettingsStore, i: number) =>
    ((s.state.draft as { counters: { number: number }[] }).counters[i] ?? { number: NaN }).number;

  beforeAll(async () => {
    t = await startTestHub();
    token = await signIn(t.url, 'quantri');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('loads schema and settings, and knows a draft with changes from one without', async () => {
    const store = storeOf(token);
    await store.load();
    expect(store.state.phase).toBe('ready');
    expect(store.state.schema?.properties?.counters?.titleVi).toBe('Quầy');
    expect(store.dirty).toBe(false);
    store.change('/counters/0/name', 'Quầy 1 – Hộ tịch (đổi tên)');
    expect(store.dirty).toBe(true);
    store.change('/counters/0/name', t.site.counters[0]!.name);
    expect(store.dirty).toBe(false);
  });

  it('keeps a draft with changes when the screen reads the settings again, and drops it on reload', async () => {
    const store = storeOf(token);
    await store.load();
    store.change('/maxRecalls', 3);
    await store.load();
    expect(store.dirty).toBe(true);
    await store.reload();
    expect(store.dirty).toBe(false);
    expect((store.state.draft as { maxRecalls: number }).maxRecalls).toBe(t.site.maxRecalls);
  });

  it('keeps the hub’s refusals beside their settings until each is edited, and saves nothing', async () => {
    const store = storeOf(token);
    await store.load();
    const revision = store.state.revision;
    store.change('/counters/1/number', counterNumber(store, 0));
    const outcome = await store.save();
    expect(outcome?.kind).toBe('invalid');
    expect(store.state.problems.map((p) => p.path)).toContain('/counters/1/number');
    expect(store.state.revision).toBe(revision);
    store.change('/counters/1/number', 2);
    expect(store.state.problems.map((p) => p.path)).not.toContain('/counters/1/number');
  });

  it('saves the whole draft with its revision, and tells a second editor that the settings moved on', async () => {
    const first = storeOf(token);
    const second = storeOf(await signIn(t.url, 'quantri'));
    await Promise.all([first.load(), second.load()]);
    first.change('/maxRecalls', 4);
    const saved = await first.save();
    expect(saved).toMatchObject({ kind: 'saved', changed: ['/maxRecalls'] });
    expect(first.dirty).toBe(false);
    second.change('/maxRecalls', 1);
    expect((await second.save())?.kind).toBe('stale');
    await second.reload();
    expect((second.state.draft as { maxRecalls: number }).maxRecalls).toBe(4);
  });

  it('hides device keys from a supervisor and refuses a supervisor’s save', async () => {
    const store = storeOf(await signIn(t.url, 'giamsat'));
    await store.load();
    const keys = (store.state.draft as { devices: { key?: string }[] }).devices.flatMap((d) => (d.key ? [d.key] : []));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set(['***']));
    store.change('/maxRecalls', 5);
    expect(await store.save()).toMatchObject({ kind: 'failed', error: { code: 'FORBIDDEN' } });
  });
});
