// The server-side Table of APIServices: kube-aggregator's pkg/registry/apiservice/etcd/etcd.go
// ConvertToTable. `kubectl get apiservice` prints exactly these four columns.

import type { TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import type { KubeObject } from '../types.ts';
import { availableCondition, serviceOf } from './helpers.ts';

/** SERVICE: `Local`, or `<namespace>/<name>` of the fronting Service. */
export function serviceCell(obj: KubeObject): string {
  const service = serviceOf(obj);
  return service ? `${service.namespace ?? ''}/${service.name ?? ''}` : 'Local';
}

/** AVAILABLE: `True`, `<Status> (<Reason>)`, `<Status>` without a reason, or `Unknown` before any condition. */
export function availableCell(obj: KubeObject): string {
  const condition = availableCondition(obj);
  if (!condition) return 'Unknown';
  if (condition.status === 'True') return condition.status;
  if (condition.reason) return `${condition.status} (${condition.reason})`;
  return condition.status;
}

export const apiServiceTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Service', 'string', 'The reference to the service that hosts this API endpoint.'),
    column('Available', 'string', 'Whether this service is available.'),
    ageColumn,
  ],
  cells: (obj, ctx) => [obj.metadata.name ?? '', serviceCell(obj), availableCell(obj), ageOf(obj, ctx)],
};
