import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/sim/clock.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { groupsFromAggregated, type APIGroup } from '../../../src/kubectl/discovery.ts';
import { RESTMapper } from '../../../src/kubectl/restmapper.ts';
import { accept } from '../../../src/kubectl/rest/client.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

let mapper: RESTMapper;
let groups: APIGroup[];

beforeAll(async () => {
  const cluster = await createCluster({ clock: new ManualClock('2026-11-26T12:00:00Z'), scenario: readScenario('default') });
  const get = async (path: string) => (await cluster.fetch(new Request(`http://sim${path}`, { headers: { Accept: accept.aggregatedDiscovery } }))).json();
  groups = [...groupsFromAggregated(await get('/api?timeout=32s')), ...groupsFromAggregated(await get('/apis?timeout=32s'))];
  mapper = new RESTMapper(groups);
});

const resolve = (arg: string) => {
  const m = mapper.mappingFor(arg).resource;
  return `${m.group}/${m.version}/${m.name}`;
};

describe('the RESTMapper', () => {
  it('resolves plurals, singulars, short names and kinds, core first', () => {
    expect(resolve('pods')).toBe('/v1/pods');
    expect(resolve('pod')).toBe('/v1/pods');
    expect(resolve('po')).toBe('/v1/pods');
    expect(resolve('Pod')).toBe('/v1/pods');
    expect(resolve('nodes')).toBe('/v1/nodes');
    expect(resolve('no')).toBe('/v1/nodes');
    expect(resolve('deploy')).toBe('apps/v1/deployments');
    expect(resolve('Deployment')).toBe('apps/v1/deployments');
    expect(resolve('apiservice')).toBe('apiregistration.k8s.io/v1/apiservices');
  });

  it('prefers the first version the server lists', () => {
    expect(resolve('hpa')).toBe('autoscaling/v2/horizontalpodautoscalers');
  });

  it('takes resource.group and resource.version.group', () => {
    expect(resolve('nodes.metrics.k8s.io')).toBe('metrics.k8s.io/v1beta1/nodes');
    expect(resolve('pods.metrics.k8s.io')).toBe('metrics.k8s.io/v1beta1/pods');
    expect(resolve('deployments.apps')).toBe('apps/v1/deployments');
    expect(resolve('deployment.v1.apps')).toBe('apps/v1/deployments');
    expect(resolve('horizontalpodautoscalers.v1.autoscaling')).toBe('autoscaling/v1/horizontalpodautoscalers');
  });

  it('names the resource part of an unknown argument, as kubectl prints it', () => {
    expect(() => mapper.mappingFor('foos')).toThrow('the server doesn\'t have a resource type "foos"');
    expect(() => mapper.mappingFor('pods.v1.foo')).toThrow('the server doesn\'t have a resource type "pods"');
    expect(() => mapper.mappingFor('foos.example.com')).toThrow('the server doesn\'t have a resource type "foos"');
  });

  it('expands categories in discovery order', () => {
    expect(mapper.expandCategory('api-extensions')).toEqual([
      'apiservices.apiregistration.k8s.io',
      'mutatingwebhookconfigurations.admissionregistration.k8s.io',
      'validatingadmissionpolicies.admissionregistration.k8s.io',
      'validatingadmissionpolicybindings.admissionregistration.k8s.io',
      'validatingwebhookconfigurations.admissionregistration.k8s.io',
      'customresourcedefinitions.apiextensions.k8s.io',
    ]);
    const all = mapper.expandCategory('all')!;
    expect(all.slice(0, 3)).toEqual(['pods', 'replicationcontrollers', 'services']);
    expect(all).toContain('deployments.apps');
    expect(all.filter((r) => r.startsWith('horizontalpodautoscalers'))).toHaveLength(1);
    expect(mapper.expandCategory('pods')).toBeUndefined();
  });

  it('drops Stale versions from discovery', () => {
    const stale = groupsFromAggregated({ items: [{ metadata: { name: 'metrics.k8s.io' }, versions: [{ version: 'v1beta1', freshness: 'Stale' }] }] });
    expect(stale).toEqual([]);
  });
});
