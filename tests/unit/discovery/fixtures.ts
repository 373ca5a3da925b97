// A real cluster context for discovery tests: the built-in catalog in a ResourceRegistry and the
// APIServices of a discovery-order.json vector set in an ObjectStore.

import { readFileSync } from 'node:fs';
import { ManualClock } from '../../../src/sim/clock.ts';
import { BackendRegistry, type ClusterContext } from '../../../src/sim/context.ts';
import { ControllerManager } from '../../../src/sim/controller.ts';
import { builtinResourceTypes } from '../../../src/sim/discovery/catalog.ts';
import type { RemoteDiscovery, RemoteResourceList } from '../../../src/sim/discovery/index.ts';
import { ResourceRegistry } from '../../../src/sim/resources.ts';
import { ObjectStore } from '../../../src/sim/store.ts';
import type { KubeObject } from '../../../src/sim/types.ts';

export const fidelityDir = '/work/shared/fidelity';
export const readFidelity = (name: string) => readFileSync(`${fidelityDir}/${name}`, 'utf8');
export const kubectlOutput = (name: string) => readFidelity(`kubectl-outputs/${name}`);

export interface VectorAPIService {
  name: string;
  group: string;
  version: string;
  groupPriorityMinimum: number;
  versionPriority: number;
  service: string | null;
}

export interface VectorSet {
  id: string;
  apiservices: VectorAPIService[];
  expectedLegacyApis: { name: string; versions: string[]; preferredVersion: string }[];
  expectedAggregatedApis: { name: string; versions: string[]; firstVersion: string }[];
}

export const discoveryOrder = JSON.parse(readFidelity('discovery-order.json')) as {
  versionSortVectors: { input: string[]; expected: string[] }[];
  compareVectors: { a: string; b: string; sign: number }[];
  sets: VectorSet[];
  formats: {
    aggregated: { responseContentType: string; metricsEntryCurrent: unknown; metricsEntryStale: unknown };
    legacyGroup: { example: unknown };
    legacyApi: { example: unknown };
  };
};

export const vectorSet = (id: string) => {
  const set = discoveryOrder.sets.find((s) => s.id === id);
  if (!set) throw new Error(`no vector set ${id}`);
  return set;
};

const localCondition = { type: 'Available', status: 'True', lastTransitionTime: '2026-11-21T13:00:00Z', reason: 'Local', message: 'Local APIServices are always available' };

/** An APIService object as the store holds it, with an Available condition. */
export function apiServiceObject(v: VectorAPIService, available = true): KubeObject {
  const spec: Record<string, unknown> = { group: v.group, version: v.version, groupPriorityMinimum: v.groupPriorityMinimum, versionPriority: v.versionPriority };
  if (v.service) {
    const [namespace, name] = v.service.split('/');
    spec.service = { namespace, name, port: 443 };
    spec.insecureSkipTLSVerify = true;
  }
  const condition = v.service
    ? available
      ? { type: 'Available', status: 'True', lastTransitionTime: '2026-11-21T13:00:00Z', reason: 'Passed', message: 'all checks passed' }
      : { type: 'Available', status: 'False', lastTransitionTime: '2026-11-21T13:00:00Z', reason: 'MissingEndpoints', message: 'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"' }
    : localCondition;
  return { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: v.name }, spec, status: { conditions: [condition] } };
}

export function newCluster(apiServices: VectorAPIService[], opts: { remoteAvailable?: boolean } = {}): ClusterContext {
  const clock = new ManualClock('2026-11-26T16:40:00Z');
  const registry = new ResourceRegistry();
  for (const t of builtinResourceTypes()) registry.add(t);
  const store = new ObjectStore(clock);
  for (const v of apiServices) store.create({ group: 'apiregistration.k8s.io', resource: 'apiservices' }, apiServiceObject(v, opts.remoteAvailable ?? true));
  return { store, registry, clock, controllers: new ControllerManager(), backends: new BackendRegistry() };
}

/** metrics-server's recorded resource list, the way the extension server answers it. */
export const metricsResourceList = (): RemoteResourceList => JSON.parse(kubectlOutput('raw-metrics-groupversion.stdout.txt')) as RemoteResourceList;

/** Answers every service-backed APIService with metrics-server's recorded document, and is asked again on every request. */
export class RecordedRemote implements RemoteDiscovery {
  calls = 0;
  private readonly list = metricsResourceList();
  async resources(): Promise<RemoteResourceList | 'stale'> {
    this.calls++;
    return this.list;
  }
  refreshDueAt(): number {
    return -Infinity;
  }
}

export const kubectlDiscoveryAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

export const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1:18081${path}`, { headers });
