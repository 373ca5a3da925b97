// Events live for an hour, as with the apiserver's default --event-ttl: a scenario replaying
// 100 days of history keeps none of its old events, and fresh ones expire an hour later.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';
import { createCluster } from '../../../src/sim/cluster.ts';

const scenario = readScenario('default');

async function events(fetch: (r: Request) => Promise<Response>) {
  const list = await (await fetch(new Request('http://sim/api/v1/events'))).json();
  return list.items as { reason: string; involvedObject: { name: string } }[];
}

describe('event TTL', () => {
  it('keeps only the last hour of events', async () => {
    const clock = new ManualClock('2026-11-26T12:00:00Z');
    const cluster = await createCluster({ clock, scenario });
    expect(await events(cluster.fetch)).toEqual([]);

    const scaled = await cluster.fetch(
      new Request('http://sim/apis/apps/v1/namespaces/default/deployments/web/scale', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { replicas: 3 } }),
      }),
    );
    expect(scaled.status).toBe(200);
    const fresh = await events(cluster.fetch);
    expect(fresh.some((e) => e.reason === 'ScalingReplicaSet')).toBe(true);

    clock.advance(59 * 60 * 1000);
    expect((await events(cluster.fetch)).length).toBe(fresh.length);
    clock.advance(2 * 60 * 1000);
    expect(await events(cluster.fetch)).toEqual([]);
  });
});
