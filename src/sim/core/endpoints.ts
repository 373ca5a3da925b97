// core/v1 endpoints: port defaults and printEndpoints' Table (formatEndpoints).

import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import type { KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { arrayOf, defaultTo, stringOf } from './objects.ts';
import { isDNS1123Subdomain, validateObjectMeta } from './validation.ts';

const hostPort = (ip: string, port: unknown) => (ip.includes(':') ? `[${ip}]:${String(port)}` : `${ip}:${String(port)}`);

/** formatEndpoints with every port: the first three ip:port pairs, then `+ N more...`. */
export function formatEndpoints(endpoints: KubeObject): string {
  const subsets = arrayOf(endpoints.subsets);
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = arrayOf(ss.addresses);
    const ports = arrayOf(ss.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(stringOf(a.ip));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(hostPort(stringOf(a.ip), port.port));
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

export const endpointsTable: TableDefinition = {
  columns: [nameColumn, column('Endpoints', 'string', describe.endpointsSubsets), ageColumn],
  cells: (ep, ctx) => [ep.metadata.name ?? '', formatEndpoints(ep), ageOf(ep, ctx)],
};

export const endpointsBehaviour: Partial<ResourceType> = {
  // SetDefaults_EndpointPort.
  defaults: (ep) => {
    for (const ss of arrayOf(ep.subsets)) for (const p of arrayOf(ss.ports)) defaultTo(p, 'protocol', 'TCP');
  },
  validate: (ep) => validateObjectMeta(ep, true, isDNS1123Subdomain),
  table: endpointsTable,
};
