import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { age } from '../../../src/lib/duration.ts';
import { createCustomApiServer } from '../../../src/sim/extensions/custom-api-server.ts';
import { LegacyInventory } from '../../../src/sim/extensions/legacy-inventory.ts';
import { proxied, shape, tableAccept } from './fixtures.ts';

const base = '/apis/custom.example.com/v1beta1';

function setup() {
  const clock = new ManualClock('2025-06-02T09:00:00Z');
  const inventory = new LegacyInventory();
  const server = createCustomApiServer({ clock, inventory });
  const get = async (path: string, accept?: string) => {
    const res = await server(proxied(path, { accept, host: '10.96.200.10:443' }));
    return { res, body: await res.json() };
  };
  return { clock, inventory, server, get };
}

type Item = { metadata: { name: string; namespace: string; resourceVersion: string; labels: Record<string, string> }; spec: { servers: { state: string }[] }; status: { inService: number; servers: number; cpuCores: number; memory: string } };

describe('custom.example.com discovery', () => {
  it('describes inventories in an APIResourceList of the same form as metrics-server’s', async () => {
    const { get } = setup();
    const { res, body } = await get(base);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(body).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'custom.example.com/v1beta1',
      resources: [{ name: 'inventories', singularName: 'inventory', namespaced: true, kind: 'Inventory', verbs: ['get', 'list'], shortNames: ['inv'] }],
    });
    const group = (await get('/apis/custom.example.com')).body;
    expect(group.preferredVersion).toEqual({ groupVersion: 'custom.example.com/v1beta1', version: 'v1beta1' });
  });
});

describe('inventories', () => {
  it('computes one Inventory per legacy rack, in the owning team’s namespace', async () => {
    const { get } = setup();
    const all: Item[] = (await get(`${base}/inventories`)).body.items;
    expect(all.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['default/ams1-a01', 'default/ams1-a02', 'default/fra2-c07', 'storage/ams1-b01']);
    const inDefault = (await get(`${base}/namespaces/default/inventories`)).body;
    expect(inDefault.kind).toBe('InventoryList');
    expect(inDefault.apiVersion).toBe('custom.example.com/v1beta1');
    expect(inDefault.items).toHaveLength(3);
  });

  it('translates the legacy rows into a Kubernetes object', async () => {
    const { get } = setup();
    const { body } = await get(`${base}/namespaces/default/inventories/ams1-a01`);
    expect(Object.keys(body)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(body.metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'labels']);
    expect(body.metadata).toMatchObject({ name: 'ams1-a01', namespace: 'default', resourceVersion: '207', creationTimestamp: '2019-04-02T00:00:00Z', labels: { row: 'a', site: 'ams1' } });
    expect(body.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.spec.servers[2]).toEqual({ hostname: 'ams1a01n03', assetTag: 'SRV-00151', slot: 3, model: 'PowerEdge R650', cpuCores: 48, memory: '512Gi', state: 'Maintenance' });
    expect(body.status).toEqual({ servers: 3, inService: 2, cpuCores: 64, memory: '512Gi' });
  });

  it('shows a change in the legacy database on the next read, with a new resourceVersion', async () => {
    const { get, inventory } = setup();
    const before = (await get(`${base}/namespaces/default/inventories/ams1-a01`)).body;
    inventory.setServerState('SRV-00151', 'IN_SERVICE');
    const after = (await get(`${base}/namespaces/default/inventories/ams1-a01`)).body;
    expect(after.status.inService).toBe(3);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect(after.metadata.uid).toBe(before.metadata.uid);
  });

  it('answers NotFound for a rack it does not know, or one in another namespace', async () => {
    const { get } = setup();
    for (const path of [`${base}/namespaces/default/inventories/ams9-z99`, `${base}/namespaces/default/inventories/ams1-b01`]) {
      const { res, body } = await get(path);
      expect(res.status).toBe(404);
      expect(body.reason).toBe('NotFound');
      expect(body.details.group).toBe('custom.example.com');
      expect(body.details.kind).toBe('inventories');
      expect(body.message).toMatch(/^inventories\.custom\.example\.com "ams[19]-[bz]\d+" not found$/);
    }
  });

  it('filters by label selector', async () => {
    const { get } = setup();
    const ams1 = (await get(`${base}/inventories?labelSelector=site%3Dams1`)).body.items as Item[];
    expect(ams1.map((i) => i.metadata.name)).toEqual(['ams1-a01', 'ams1-a02', 'ams1-b01']);
    const rowAInFra = (await get(`${base}/inventories?labelSelector=site%3Dfra2,row%20in%20(a,c)`)).body.items as Item[];
    expect(rowAInFra.map((i) => i.metadata.name)).toEqual(['fra2-c07']);
    const bad = await get(`${base}/inventories?labelSelector=site%20in%20ams1`);
    expect(bad.res.status).toBe(400);
  });

  it('prints a Table with the rack’s site, servers in service, cores, memory and age', async () => {
    const { get, clock } = setup();
    const { body } = await get(`${base}/namespaces/default/inventories`, tableAccept);
    expect(body.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Site:0',
      'Servers:0',
      'Cores:0',
      'Memory:0',
      'Models:1',
      'Age:0',
    ]);
    expect(body.rows[0].cells).toEqual(['ams1-a01', 'AMS1', '2/3', 64, '512Gi', 'PowerEdge R640,PowerEdge R650', age('2019-04-02T00:00:00Z', clock.now())]);
    expect(body.rows[0].cells[6]).toMatch(/^6y\d+d$/);
    expect(body.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: expect.objectContaining({ name: 'ams1-a01', namespace: 'default' }) });
    const empty = (await get(`${base}/namespaces/kube-system/inventories`, tableAccept)).body;
    expect(empty.rows).toEqual([]);
    expect(empty.columnDefinitions).toHaveLength(7);
  });

  it('is read-only: writes get 405 MethodNotAllowed, watches are not supported', async () => {
    const { server } = setup();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const path = method === 'POST' ? `${base}/namespaces/default/inventories` : `${base}/namespaces/default/inventories/ams1-a01`;
      const res = await server(proxied(path, { method }));
      expect(res.status).toBe(405);
      const body = await res.json();
      expect(body.reason).toBe('MethodNotAllowed');
      expect(body.message).toBe('the server does not allow this method on the requested resource');
    }
    const watch = await server(proxied(`${base}/namespaces/default/inventories?watch=1`));
    expect(watch.status).toBe(405);
    expect((await watch.json()).message).toBe('watch is not supported on resources of kind "inventories.custom.example.com"');
  });

  it('keeps every list item in the same shape', async () => {
    const { get } = setup();
    const items = (await get(`${base}/inventories`)).body.items as Item[];
    const shapes = items.map((i) => JSON.stringify(shape({ ...i, spec: { ...i.spec, servers: i.spec.servers.slice(0, 1) } })));
    expect(new Set(shapes).size).toBe(1);
  });
});
