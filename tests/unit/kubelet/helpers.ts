// The default cluster in process, read and written over its fetch handler as a client would.

import type { ManualClock } from '../../../src/sim/clock.ts';
import type { Cluster } from '../../../src/sim/cluster.ts';
import { inProcessCluster } from '../kubectl/fixtures.ts';

export { startedAt } from '../kubectl/fixtures.ts';

/** Any JSON object the API returns, read loosely. */
export type Obj = any;

export interface Client {
  cluster: Cluster;
  clock: ManualClock;
  get(path: string, accept?: string): Promise<Obj>;
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: Obj }>;
}

export async function defaultCluster(): Promise<Client> {
  const { cluster, clock } = await inProcessCluster();
  const send = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' };
    const res = await cluster.fetch(new Request(`http://sim${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    return { status: res.status, body: await res.json() };
  };
  return {
    cluster,
    clock,
    send,
    async get(path, accept) {
      const res = await cluster.fetch(new Request(`http://sim${path}`, { headers: accept ? { Accept: accept } : {} }));
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

export const seconds = (t: string) => Date.parse(t) / 1000;
