// discovery.k8s.io/v1 endpointslices: port defaults, generation, printEndpointSlice's Table.

import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import type { KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { arrayOf, defaultTo, stringOf } from './objects.ts';
import { isDNS1123Subdomain, validateObjectMeta } from './validation.ts';

/** listWithMoreString: `<unset>` for none, `+ N more...` past three. */
function listWithMore(items: string[]): string {
  const max = 3;
  const joined = items.slice(0, max).join(',');
  if (items.length > max) return `${joined} + ${items.length - max} more...`;
  return joined || '<unset>';
}

/** formatDiscoveryPorts: the port number, else its name, else `*`. */
export const formatDiscoveryPorts = (slice: KubeObject) =>
  listWithMore(arrayOf(slice.ports).map((p) => (typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*')));

/** formatDiscoveryEndpoints: every address of every endpoint. */
export const formatDiscoveryEndpoints = (slice: KubeObject) =>
  listWithMore(arrayOf(slice.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(String) : [])));

export const endpointSliceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('AddressType', 'string', describe.sliceAddressType),
    column('Ports', 'string', describe.slicePorts),
    column('Endpoints', 'string', describe.sliceEndpoints),
    ageColumn,
  ],
  cells: (s, ctx) => [s.metadata.name ?? '', stringOf(s.addressType), formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), ageOf(s, ctx)],
};

export const endpointSliceBehaviour: Partial<ResourceType> = {
  defaults: (s) => {
    for (const p of arrayOf(s.ports)) defaultTo(p, 'protocol', 'TCP');
  },
  // The strategy sets generation 1 on create and bumps it on any change but metadata.
  prepareForCreate: (s) => {
    s.metadata.generation = 1;
  },
  validate: (s) => validateObjectMeta(s, true, isDNS1123Subdomain),
  hasGeneration: true,
  table: endpointSliceTable,
};
