// core/v1 namespaces: the metadata.name label, the kubernetes finalizer, phase Active.

import type { ResourceType, TableDefinition } from '../resources.ts';
import { ageColumn, ageOf, column, nameColumn } from '../table.ts';
import { clone, type KubeObject } from '../types.ts';
import { specOf, statusOf, stringOf } from './objects.ts';
import { isDNS1123Label, validateObjectMeta } from './validation.ts';

/** SetDefaults_Namespace: every namespace carries kubernetes.io/metadata.name. */
function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata.name;
  if (name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function prepareForCreate(ns: KubeObject): void {
  const finalizers = Array.isArray(specOf(ns).finalizers) ? (specOf(ns).finalizers as string[]) : [];
  ns.spec = { finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
  ns.status = { phase: 'Active' };
}

export const namespaceTable: TableDefinition = {
  columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), ageColumn],
  cells: (ns, ctx) => [ns.metadata.name ?? '', stringOf(statusOf(ns).phase), ageOf(ns, ctx)],
};

export const namespaceBehaviour: Partial<ResourceType> = {
  defaults: defaultNamespace,
  prepareForCreate,
  prepareForUpdate: (ns, old) => {
    ns.spec = clone(old.spec);
    ns.status = clone(old.status);
  },
  validate: (ns) => validateObjectMeta(ns, false, isDNS1123Label),
  table: namespaceTable,
  fieldSelectors: ['status.phase'],
};
