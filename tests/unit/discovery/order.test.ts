// Group and version order of /apis in both formats, for every vector set of discovery-order.json.

import { describe, expect, it } from 'vitest';
import { serveDiscovery } from '../../../src/sim/discovery/index.ts';
import type { APIGroupDiscoveryList, APIGroupList } from '../../../src/sim/discovery/types.ts';
import { discoveryOrder, get, kubectlDiscoveryAccept, newCluster, RecordedRemote } from './fixtures.ts';

describe('discovery order vectors', () => {
  for (const set of discoveryOrder.sets) {
    describe(set.id, () => {
      // Vector groups outside the catalog are Local APIServices nothing serves: give them a kind so
      // aggregated discovery lists them, as a real local server would.
      const ctx = newCluster(set.apiservices);
      for (const v of set.apiservices) {
        if (!v.service && ctx.registry.inGroupVersion(v.group, v.version).length === 0) {
          ctx.registry.add({ group: v.group, version: v.version, resource: 'widgets', kind: 'Widget', listKind: 'WidgetList', singular: 'widget', namespaced: true, verbs: ['get', 'list'] });
        }
      }

      it('legacy /apis lists groups, versions and preferred versions in order', async () => {
        const res = await serveDiscovery(ctx, get('/apis', { Accept: 'application/json' }), new RecordedRemote());
        const body = (await res!.json()) as APIGroupList;
        expect(
          body.groups.map((g) => ({ name: g.name, versions: g.versions.map((v) => v.version), preferredVersion: g.preferredVersion.version })),
        ).toEqual(set.expectedLegacyApis.map(({ name, versions, preferredVersion }) => ({ name, versions, preferredVersion })));
      });

      it('aggregated /apis lists groups and versions in order', async () => {
        const res = await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), new RecordedRemote());
        const body = (await res!.json()) as APIGroupDiscoveryList;
        expect(
          body.items.map((g) => ({ name: g.metadata.name, versions: (g.versions ?? []).map((v) => v.version), firstVersion: g.versions?.[0].version })),
        ).toEqual(set.expectedAggregatedApis.map(({ name, versions, firstVersion }) => ({ name, versions, firstVersion })));
      });
    });
  }

  it('legacy and aggregated disagree on ties of groupPriorityMinimum', async () => {
    const set = discoveryOrder.sets.find((s) => s.id === 'tie-on-groupPriorityMinimum-divergence')!;
    const ctx = newCluster(set.apiservices);
    for (const v of set.apiservices) {
      ctx.registry.add({ group: v.group, version: v.version, resource: 'widgets', kind: 'Widget', listKind: 'WidgetList', singular: 'widget', namespaced: true, verbs: ['get'] });
    }
    const legacy = (await (await serveDiscovery(ctx, get('/apis'), new RecordedRemote()))!.json()) as APIGroupList;
    const aggregated = (await (await serveDiscovery(ctx, get('/apis', { Accept: kubectlDiscoveryAccept }), new RecordedRemote()))!.json()) as APIGroupDiscoveryList;
    expect(legacy.groups.map((g) => g.name).slice(1)).toEqual(['b.example.com', 'a.example.com']);
    expect(aggregated.items.map((g) => g.metadata.name).slice(1)).toEqual(['a.example.com', 'b.example.com']);
  });
});
