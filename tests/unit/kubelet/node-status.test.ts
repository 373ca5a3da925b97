// Node conditions carry the times a kubelet's status reports give them: the transition when a
// condition was first set, and a heartbeat that moves every five minutes with nothing changed
// (nodeStatusReportFrequency), without a store write per report.

import { describe, expect, it } from 'vitest';
import { defaultCluster, seconds, startedAt, type Obj } from './helpers.ts';

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'kind-worker3' },
  status: {
    conditions: [
      { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
  },
};

describe('node status heartbeats', () => {
  it('stamps every condition when the kubelet reports, and moves the heartbeats every five minutes', async () => {
    const c = await defaultCluster();
    const first: Obj = await c.get('/api/v1/nodes/kind-worker');
    const conditions = first.status.conditions as Obj[];
    expect(conditions.map((x) => x.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    for (const x of conditions) {
      expect(Object.keys(x)).toEqual(['type', 'status', 'lastHeartbeatTime', 'lastTransitionTime', 'reason', 'message']);
      expect(x.lastTransitionTime).toBe(first.metadata.creationTimestamp);
    }
    const beat = conditions[0].lastHeartbeatTime as string;
    expect(conditions.every((x) => x.lastHeartbeatTime === beat)).toBe(true);
    // The last report is due within the last five minutes, never in the future.
    expect(seconds(startedAt) - seconds(beat)).toBeGreaterThanOrEqual(0);
    expect(seconds(startedAt) - seconds(beat)).toBeLessThan(300);

    const nextReport = (seconds(beat) + 300) * 1000 - c.clock.now();
    c.clock.advance(nextReport - 1000);
    const before: Obj = await c.get('/api/v1/nodes/kind-worker');
    expect(before.status.conditions[3].lastHeartbeatTime).toBe(beat);
    c.clock.advance(1000);
    const after: Obj = await c.get('/api/v1/nodes/kind-worker');
    expect(seconds(after.status.conditions[3].lastHeartbeatTime) - seconds(beat)).toBe(300);
    expect(after.status.conditions[3].lastTransitionTime).toBe(first.metadata.creationTimestamp);
    // Computed on read: the node was not rewritten.
    expect(after.metadata.resourceVersion).toBe(first.metadata.resourceVersion);

    const list: Obj = await c.get('/api/v1/nodes');
    const listed = list.items.find((n: Obj) => n.metadata.name === 'kind-worker');
    expect(listed.status.conditions[0].lastHeartbeatTime).toBe(after.status.conditions[0].lastHeartbeatTime);
  });

  it('gives conditions a kubelet posts without times the moment of the report', async () => {
    const c = await defaultCluster();
    const created = await c.send('POST', '/api/v1/nodes', node);
    expect(created.status).toBe(201);
    const written = await c.send('PUT', '/api/v1/nodes/kind-worker3/status', { ...created.body, status: node.status });
    expect(written.status).toBe(200);
    const read: Obj = await c.get('/api/v1/nodes/kind-worker3');
    for (const x of read.status.conditions) {
      expect(x.lastHeartbeatTime).toBe('2026-11-26T12:00:00Z');
      expect(x.lastTransitionTime).toBe('2026-11-26T12:00:00Z');
    }
  });
});
