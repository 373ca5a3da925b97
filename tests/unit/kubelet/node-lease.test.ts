// Each node's kubelet holds a Lease in kube-node-lease: named and held by the node, 40 s long,
// owned by the Node, renewed every 10 s (computed on read), recreated when deleted and gone
// with its node.

import { describe, expect, it } from 'vitest';
import { defaultCluster, seconds, startedAt, type Obj } from './helpers.ts';

const leases = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases';
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('node leases', () => {
  it('serves one lease per node, held by it and owned by it, renewed within the last 10 s', async () => {
    const c = await defaultCluster();
    const list: Obj = await c.get(leases);
    expect(list.kind).toBe('LeaseList');
    expect(list.items.map((l: Obj) => l.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    const node: Obj = await c.get('/api/v1/nodes/kind-worker');
    const lease: Obj = await c.get(`${leases}/kind-worker`);
    expect(lease.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'kind-worker', uid: node.metadata.uid }]);
    expect(lease.metadata.creationTimestamp).toBe(node.metadata.creationTimestamp);
    expect(Object.keys(lease.spec)).toEqual(['holderIdentity', 'leaseDurationSeconds', 'renewTime']);
    expect(lease.spec.holderIdentity).toBe('kind-worker');
    expect(lease.spec.leaseDurationSeconds).toBe(40);
    expect(lease.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const age = seconds(startedAt) - seconds(lease.spec.renewTime);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(10);

    c.clock.advance(25_000);
    const later: Obj = await c.get(`${leases}/kind-worker`);
    expect(seconds(later.spec.renewTime) - seconds(lease.spec.renewTime)).toBe(20);
    expect(later.spec.renewTime.slice(19)).toBe(lease.spec.renewTime.slice(19));
    expect(later.metadata.resourceVersion).toBe(lease.metadata.resourceVersion);
  });

  it('answers a write with the renewals as of now, as the next read shows them', async () => {
    const c = await defaultCluster();
    c.clock.advance(35_000);
    const patched = await c.send('PATCH', `${leases}/kind-worker`, { metadata: { annotations: { note: 'x' } } });
    expect(patched.status).toBe(200);
    const read: Obj = await c.get(`${leases}/kind-worker`);
    expect(patched.body.metadata.annotations).toEqual({ note: 'x' });
    expect(patched.body.spec.renewTime).toBe(read.spec.renewTime);
    expect(seconds(startedAt) + 35 - seconds(read.spec.renewTime)).toBeLessThan(10);

    const { body: updated } = await c.send('PUT', `${leases}/kind-worker`, read);
    expect(updated.spec.renewTime).toBe(read.spec.renewTime);
  });

  it('prints NAME, HOLDER and AGE', async () => {
    const c = await defaultCluster();
    const table: Obj = await c.get('/apis/coordination.k8s.io/v1/leases', tableAccept);
    expect(table.columnDefinitions.map((d: Obj) => d.name)).toEqual(['Name', 'Holder', 'Age']);
    expect(table.rows.map((r: Obj) => r.cells)).toEqual([
      ['kind-control-plane', 'kind-control-plane', '100d'],
      ['kind-worker', 'kind-worker', '100d'],
      ['kind-worker2', 'kind-worker2', '100d'],
    ]);
  });

  it('comes back when deleted and goes with its node', async () => {
    const c = await defaultCluster();
    expect((await c.send('DELETE', `${leases}/kind-worker2`)).status).toBe(200);
    const recreated: Obj = await c.get(`${leases}/kind-worker2`);
    expect(recreated.metadata.creationTimestamp).toBe(startedAt);
    expect(recreated.spec.renewTime).toBe('2026-11-26T12:00:00.000000Z');

    expect((await c.send('DELETE', '/api/v1/nodes/kind-worker2')).status).toBe(200);
    expect((await c.send('GET', `${leases}/kind-worker2`)).status).toBe(404);
  });

  it('leaves the renewals of leases no kubelet holds to their writers', async () => {
    const c = await defaultCluster();
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'my-lock', namespace: 'default' },
      spec: { holderIdentity: 'me', leaseDurationSeconds: 15, renewTime: '2026-11-26T11:00:00.000000Z' },
    };
    expect((await c.send('POST', '/apis/coordination.k8s.io/v1/namespaces/default/leases', lease)).status).toBe(201);
    c.clock.advance(60_000);
    const read: Obj = await c.get('/apis/coordination.k8s.io/v1/namespaces/default/leases/my-lock');
    expect(read.spec.renewTime).toBe('2026-11-26T11:00:00.000000Z');
  });
});
