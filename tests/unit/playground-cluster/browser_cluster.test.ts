// The page's cluster copies: saved after writes, restored on reload, Reset, and two copies (two
// tabs) sharing one storage and one lock manager without losing each other's writes.
import { describe, expect, test } from 'vitest';
import { BrowserCluster } from '../../../src/playground/browser_cluster.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

const loadScenario = async (name: string) => readScenario(name);

/** The Web Storage API over a Map, as two tabs of one origin share localStorage. */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

/** Exclusive Web Locks: callbacks on one name run one after another. */
function memoryLocks(): LockManager {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name: string, callback: () => Promise<unknown>) {
      const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  } as unknown as LockManager;
}

const open = (storage: Storage, locks?: LockManager) => BrowserCluster.open({ scenario: 'default', loadScenario, storage, locks });

const deployment = 'https://127.0.0.1:6443/apis/apps/v1/namespaces/default/deployments/web';

async function replicas(cluster: BrowserCluster): Promise<number> {
  const response = await cluster.handle(new Request(deployment));
  return ((await response.json()) as { spec: { replicas: number } }).spec.replicas;
}

async function scale(cluster: BrowserCluster, n: number): Promise<void> {
  const response = await cluster.handle(
    new Request(`${deployment}/scale`, { method: 'PATCH', headers: { 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ spec: { replicas: n } }) }),
  );
  expect(response.status).toBe(200);
}

describe('BrowserCluster', () => {
  test('a write inside a command is saved, and a new page restores it', async () => {
    const storage = new MemoryStorage();
    const a = await open(storage, memoryLocks());
    expect(await replicas(a)).toBe(2);
    expect(storage.length).toBe(0); // nothing saved until something changes
    await a.exclusive(() => scale(a, 5));
    expect(a.revision).toBe(1);
    const reloaded = await open(storage, memoryLocks());
    expect(await replicas(reloaded)).toBe(5);
    // Reads do not save.
    await reloaded.exclusive(() => replicas(reloaded));
    expect(reloaded.revision).toBe(1);
  });

  test('Reset replays the scenario for every copy', async () => {
    const storage = new MemoryStorage();
    const locks = memoryLocks();
    const a = await open(storage, locks);
    const b = await open(storage, locks);
    await a.exclusive(() => scale(a, 7));
    await b.reset();
    expect(await replicas(b)).toBe(2);
    // a catches up before its next command.
    expect(await a.exclusive(() => replicas(a))).toBe(2);
    expect(await replicas(await open(storage, locks))).toBe(2);
  });

  test('two copies incrementing concurrently lose no write', async () => {
    const storage = new MemoryStorage();
    const locks = memoryLocks();
    const tabs = [await open(storage, locks), await open(storage, locks)];
    const increment = (tab: BrowserCluster) => tab.exclusive(async () => scale(tab, (await replicas(tab)) + 1));
    await Promise.all(Array.from({ length: 6 }, (_, i) => increment(tabs[i % 2]!)));
    for (const tab of tabs) expect(await tab.exclusive(() => replicas(tab))).toBe(8);
  });

  test('a write outside any command is saved too', async () => {
    const storage = new MemoryStorage();
    const a = await open(storage);
    await scale(a, 3);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await replicas(await open(storage))).toBe(3);
  });

  test('an unreadable saved state falls back to the scenario', async () => {
    const storage = new MemoryStorage();
    storage.setItem('apiservice-lab:cluster:default', JSON.stringify({ format: 1, rev: 4, snapshot: { scenario: 'default', store: 'garbage' } }));
    const a = await open(storage);
    expect(await replicas(a)).toBe(2);
  });
});
