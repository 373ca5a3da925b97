// The catalog against what real kubectl printed from discovery: `kubectl api-resources` (every
// preferred-version resource with short names, scope and kind), `-o wide` (verbs, categories) and
// `kubectl api-versions`.

import { describe, expect, it } from 'vitest';
import { builtinCatalog, builtinResourceTypes } from '../../../src/sim/discovery/catalog.ts';
import { builtinGroupVersions } from '../../../src/sim/apiregistration/builtin.ts';
import { serveDiscovery } from '../../../src/sim/discovery/index.ts';
import type { APIGroupDiscoveryList, APIGroupList, APIResourceDiscovery } from '../../../src/sim/discovery/types.ts';
import { get, kubectlDiscoveryAccept, kubectlOutput, newCluster, RecordedRemote, vectorSet } from './fixtures.ts';

/** Split a tabwriter table into rows of cells, using the header's column starts. */
function parseTable(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split('\n').filter((l) => l.length > 0);
  const names = header.trim().split(/\s+/);
  const starts = names.map((n) => header.indexOf(n));
  return lines.map((line) => Object.fromEntries(names.map((n, i) => [n, line.slice(starts[i], starts[i + 1] ?? undefined).trim()])));
}

interface Row {
  group: string;
  apiVersion: string;
  r: APIResourceDiscovery;
}

/** What kubectl api-resources derives from aggregated discovery: each group's first version. */
async function apiResourcesRows(): Promise<Row[]> {
  const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);
  const rows: Row[] = [];
  for (const path of ['/api', '/apis']) {
    const list = (await (await serveDiscovery(ctx, get(path, { Accept: kubectlDiscoveryAccept }), new RecordedRemote()))!.json()) as APIGroupDiscoveryList;
    for (const g of list.items) {
      const v = g.versions?.find((x) => x.freshness !== 'Stale');
      if (!v) continue;
      const group = g.metadata.name ?? '';
      for (const r of v.resources ?? []) rows.push({ group, apiVersion: group ? `${group}/${v.version}` : v.version, r });
    }
  }
  return rows.sort((a, b) => (a.group === b.group ? (a.r.resource < b.r.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
}

describe('built-in catalog', () => {
  it('matches kubectl api-resources row for row', async () => {
    const expected = parseTable(kubectlOutput('api-resources.stdout.txt'));
    const actual = (await apiResourcesRows()).map(({ apiVersion, r }) => ({
      NAME: r.resource,
      SHORTNAMES: (r.shortNames ?? []).join(','),
      APIVERSION: apiVersion,
      NAMESPACED: String(r.scope === 'Namespaced'),
      KIND: r.responseKind!.kind,
    }));
    expect(actual).toEqual(expected);
  });

  it('matches kubectl api-resources -o wide for apiregistration and metrics', async () => {
    const rows = await apiResourcesRows();
    for (const [file, group] of [
      ['api-resources-apiregistration-wide.stdout.txt', 'apiregistration.k8s.io'],
      ['api-resources-metrics-wide.stdout.txt', 'metrics.k8s.io'],
    ]) {
      const expected = parseTable(kubectlOutput(file));
      const actual = rows
        .filter((row) => row.group === group)
        .map(({ r }) => ({ NAME: r.resource, VERBS: (r.verbs ?? []).join(','), CATEGORIES: (r.categories ?? []).join(',') }));
      expect(actual).toEqual(expected.map(({ NAME, VERBS, CATEGORIES }) => ({ NAME, VERBS, CATEGORIES })));
    }
  });

  it('every group/version in kubectl api-versions is served', async () => {
    const ctx = newCluster(vectorSet('default-v1.32-cluster-with-metrics-server').apiservices);
    const groups = (await (await serveDiscovery(ctx, get('/apis'), new RecordedRemote()))!.json()) as APIGroupList;
    const versions = ['v1', ...groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion))].sort();
    expect(versions.join('\n') + '\n').toBe(kubectlOutput('api-versions.stdout.txt'));
    const local = new Set(builtinCatalog.map((t) => (t.group ? `${t.group}/${t.version}` : t.version)));
    expect([...local].sort()).toEqual(versions.filter((v) => !v.startsWith('metrics.k8s.io/')));
  });

  it('has a priority for every built-in group/version except apiregistration', () => {
    const served = new Set(builtinCatalog.filter((t) => t.group !== 'apiregistration.k8s.io').map((t) => `${t.group}/${t.version}`));
    expect(new Set(builtinGroupVersions.map((p) => `${p.group}/${p.version}`))).toEqual(served);
  });

  it('hands out fresh entries with listKind and singular names', () => {
    const a = builtinResourceTypes();
    const b = builtinResourceTypes();
    expect(a[0]).not.toBe(b[0]);
    a[0].verbs.push('proxy');
    expect(b[0].verbs).not.toContain('proxy');
    const endpoints = a.find((t) => t.resource === 'endpoints')!;
    expect([endpoints.kind, endpoints.listKind, endpoints.singular]).toEqual(['Endpoints', 'EndpointsList', 'endpoints']);
  });
});
