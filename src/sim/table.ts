// meta.k8s.io/v1 Table, the server-side printing that `kubectl get` asks for. The columns every
// kind shares (Name first, Age) are defined once here; kinds add their own between them.

import { age } from '../lib/duration.ts';
import type { TableColumn, TableContext, TableDefinition } from './resources.ts';
import type { KubeObject } from './types.ts';

export const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

export const ageColumn: TableColumn = {
  name: 'Age',
  type: 'string',
  format: '',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  priority: 0,
};

export const column = (name: string, type: TableColumn['type'], description: string, priority = 0, format = ''): TableColumn => ({
  name,
  type,
  format,
  description,
  priority,
});

export const ageOf = (obj: KubeObject, ctx: TableContext) => age(obj.metadata.creationTimestamp, ctx.now);

/** The default Table of kinds without printers of their own: NAME, AGE. */
export const defaultTable: TableDefinition = {
  columns: [nameColumn, { ...ageColumn, name: 'Created At', type: 'date' }],
  cells: (obj) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? ''],
};
