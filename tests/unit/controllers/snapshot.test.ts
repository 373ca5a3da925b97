// A cluster saved and restored (as the page does across reloads) carries on where it was:
// same objects, CRDs still served, controllers still working without name clashes.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';

const scenario = readScenario('default');

const send = (c: Cluster, method: string, path: string, body?: unknown, contentType = 'application/json') =>
  c.fetch(new Request(`http://sim${path}`, { method, headers: { 'Content-Type': contentType }, body: body === undefined ? undefined : JSON.stringify(body) }));

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

describe('snapshot and restore', () => {
  it('restores objects, CRD-served kinds and working controllers', async () => {
    const clock = new ManualClock('2026-11-26T12:00:00Z');
    const first = await createCluster({ clock, scenario });
    expect((await send(first, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).status).toBe(201);
    expect((await send(first, 'POST', '/apis/stable.example.com/v1/namespaces/default/crontabs', { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'nightly' } })).status).toBe(201);
    const saved = JSON.parse(JSON.stringify(first.snapshot()));

    const second = await createCluster({ clock, snapshot: saved });
    expect(second.scenario).toBe('default');
    const before = await (await send(first, 'GET', '/api/v1/pods')).json();
    const after = await (await send(second, 'GET', '/api/v1/pods')).json();
    expect(after.items).toEqual(before.items);
    expect((await send(second, 'GET', '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly')).status).toBe(200);

    const scaled = await send(second, 'PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', { spec: { replicas: 4 } }, 'application/merge-patch+json');
    expect(scaled.status).toBe(200);
    const pods = (await (await send(second, 'GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')).json()).items;
    expect(pods).toHaveLength(4);
    expect(new Set(pods.map((p: { metadata: { name: string } }) => p.metadata.name)).size).toBe(4);
  });
});
