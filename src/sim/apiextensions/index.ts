// apiextensions-apiserver in the sim: the CustomResourceDefinition kind, and the controllers that
// make a CRD live — it is accepted and established, its group/versions are served from the store
// (kind, list, table from additionalPrinterColumns), and crdregistration gives each version a
// Local APIService (groupPriorityMinimum 1000, versionPriority 100, automanaged "true").

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import { invalid, required, type FieldError } from '../fielderrors.ts';
import type { ResourceType, TableColumn, TableDefinition } from '../resources.ts';
import { column, nameColumn } from '../table.ts';
import { age } from '../../lib/duration.ts';
import type { StoreEvent } from '../store.ts';
import { isObject, type KubeObject } from '../types.ts';
import { rfc3339 } from '../clock.ts';
import { isDNS1035Label, isDNS1123Subdomain, validateObjectMeta } from '../core/validation.ts';

export const crdGR = { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' };
const apiServicesGR = { group: 'apiregistration.k8s.io', resource: 'apiservices' };

interface CRDNames {
  plural: string;
  singular?: string;
  kind: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

interface CRDVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: unknown };
  additionalPrinterColumns?: { name: string; type: string; jsonPath: string; description?: string; priority?: number; format?: string }[];
  subresources?: { status?: object; scale?: object };
}

interface CRDSpec {
  group: string;
  names: CRDNames;
  scope: 'Namespaced' | 'Cluster';
  versions: CRDVersion[];
}

const specOf = (crd: KubeObject) => crd.spec as CRDSpec;

/** SetDefaults for a CRD: singular and listKind from the names, conversion None. */
function defaultCRD(crd: KubeObject): void {
  const spec = crd.spec as Partial<CRDSpec> & { conversion?: unknown };
  if (!isObject(spec)) return;
  if (isObject(spec.names)) {
    const names = spec.names as CRDNames;
    if (!names.singular && typeof names.kind === 'string') names.singular = names.kind.toLowerCase();
    if (!names.listKind && typeof names.kind === 'string') names.listKind = `${names.kind}List`;
  }
  spec.conversion ??= { strategy: 'None' };
}

/** The checks of apiextensions validation a learner is likely to trip over. */
function validateCRD(crd: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = crd.spec as Partial<CRDSpec> | undefined;
  const names = (spec?.names ?? {}) as Partial<CRDNames>;
  const name = crd.metadata.name ?? '';
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else if (name !== `${names.plural ?? ''}.${spec?.group ?? ''}`) {
    errs.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  // A value of another type than the Go field's reads as that field's zero value here.
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const group = text(spec?.group);
  if (!group) errs.push(required('spec.group', ''));
  else if (isDNS1123Subdomain(group).length > 0) errs.push(invalid('spec.group', group, isDNS1123Subdomain(group).join(',')));
  else if (!group.includes('.')) errs.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
  // ValidateCustomResourceDefinitionNames: lowercase DNS-1035 labels (kinds may have mixed case).
  for (const field of ['plural', 'singular', 'kind', 'listKind'] as const) {
    const value = text(names[field]);
    const errors = isDNS1035Label(field === 'kind' || field === 'listKind' ? value.toLowerCase() : value);
    if (value && errors.length > 0) {
      errs.push(invalid(`spec.names.${field}`, value, `${field === 'kind' || field === 'listKind' ? 'may have mixed case, but should otherwise match: ' : ''}${errors.join(',')}`));
    }
  }
  if (!text(names.plural)) errs.push(required('spec.names.plural', ''));
  if (!text(names.kind)) errs.push(required('spec.names.kind', ''));
  if (spec?.scope !== 'Namespaced' && spec?.scope !== 'Cluster') {
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.scope', value: spec?.scope ?? '', detail: 'supported values: "Cluster", "Namespaced"' });
  }
  const versions = Array.isArray(spec?.versions) ? spec.versions.map((v) => (isObject(v) ? v : {}) as CRDVersion) : [];
  versions.forEach((v, i) => {
    const errors = isDNS1035Label(text(v.name));
    if (errors.length > 0) errs.push(invalid(`spec.versions[${i}].name`, text(v.name), errors.join(',')));
  });
  if (versions.length === 0) errs.push(invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v.storage).length !== 1) {
    errs.push(invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  }
  return errs;
}

const crdTable: TableDefinition = {
  columns: [nameColumn, column('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.')],
  cells: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''],
};

export const crdBehaviour: Partial<ResourceType> = {
  defaults: defaultCRD,
  validate: validateCRD,
  table: crdTable,
  prepareForCreate(obj) {
    delete obj.status;
  },
  hasGeneration: true,
};

function jsonPathValue(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** The Table of a custom resource: NAME, the version's printer columns, AGE. */
function customTable(version: CRDVersion): TableDefinition {
  const printer = version.additionalPrinterColumns ?? [];
  const columns: TableColumn[] = [
    nameColumn,
    ...printer.map((c) => column(c.name, c.type as TableColumn['type'], c.description ?? '', c.priority ?? 0, c.format ?? '')),
  ];
  const hasAge = printer.some((c) => c.jsonPath === '.metadata.creationTimestamp');
  if (!hasAge) columns.push(column('Age', 'date', ''));
  return {
    columns,
    cells(obj, ctx) {
      const cells: unknown[] = [obj.metadata.name ?? ''];
      for (const c of printer) {
        const v = jsonPathValue(obj, c.jsonPath);
        cells.push(c.type === 'date' && typeof v === 'string' ? age(v, ctx.now) : v ?? null);
      }
      if (!hasAge) cells.push(age(obj.metadata.creationTimestamp, ctx.now));
      return cells;
    },
  };
}

function customResourceType(spec: CRDSpec, version: CRDVersion): ResourceType {
  const names = spec.names;
  return {
    group: spec.group,
    version: version.name,
    resource: names.plural,
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    singular: names.singular ?? names.kind.toLowerCase(),
    namespaced: spec.scope === 'Namespaced',
    shortNames: names.shortNames,
    categories: names.categories,
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    subresources: [...(version.subresources?.status ? ['status'] : []), ...(version.subresources?.scale ? ['scale'] : [])],
    table: customTable(version),
    custom: true,
    schema: version.schema?.openAPIV3Schema,
    hasGeneration: true,
    // customResourceStrategy.Validate: the object meta as for any kind, names as DNS subdomains.
    validate: (obj) => validateObjectMeta(obj, spec.scope === 'Namespaced', isDNS1123Subdomain),
  };
}

/**
 * Naming, establishing and crdregistration in one: keeps the served custom kinds and their
 * Local APIServices in step with the CRDs in the store.
 */
export class CRDController implements Controller {
  readonly name = 'crd-controllers';
  private readonly ctx: ClusterContext;
  private queue = new Set<string>();
  /** What each CRD currently registers, so a change or deletion can undo it. */
  private served = new Map<string, { group: string; versions: string[]; plural: string }>();

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (e.gr.group === crdGR.group && e.gr.resource === crdGR.resource) this.queue.add(e.object.metadata.name ?? '');
  }

  resyncAll(): void {
    for (const crd of this.ctx.store.list(crdGR)) this.queue.add(crd.metadata.name ?? '');
  }

  sync(): boolean {
    if (this.queue.size === 0) return false;
    const names = [...this.queue];
    this.queue.clear();
    for (const name of names) this.reconcile(name);
    return true;
  }

  private reconcile(name: string): void {
    const { store, registry } = this.ctx;
    const crd = store.get(crdGR, undefined, name);
    const before = this.served.get(name);
    if (before) {
      for (const v of before.versions) registry.remove(before.group, v, before.plural);
      this.served.delete(name);
    }
    if (!crd) {
      if (before) this.cleanUp(before);
      return;
    }
    const spec = specOf(crd);
    const versions = spec.versions.filter((v) => v.served);
    for (const v of versions) registry.add(customResourceType(spec, v));
    this.served.set(name, { group: spec.group, versions: versions.map((v) => v.name), plural: spec.names.plural });
    this.writeStatus(crd, spec);
    for (const v of versions) this.ensureAPIService(spec.group, v.name);
    if (before) {
      for (const v of before.versions) if (before.group !== spec.group || !versions.some((x) => x.name === v)) this.deleteAPIService(before.group, v);
    }
  }

  private writeStatus(crd: KubeObject, spec: CRDSpec): void {
    if (isObject(crd.status) && Array.isArray((crd.status as { conditions?: unknown }).conditions)) return;
    const now = rfc3339(this.ctx.clock.now());
    const status = {
      acceptedNames: { ...spec.names },
      conditions: [
        { lastTransitionTime: now, message: 'no conflicts found', reason: 'NoConflicts', status: 'True', type: 'NamesAccepted' },
        { lastTransitionTime: now, message: 'the initial names have been accepted', reason: 'InitialNamesAccepted', status: 'True', type: 'Established' },
      ],
      storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
    };
    this.ctx.store.update(crdGR, { ...crd, status });
  }

  private ensureAPIService(group: string, version: string): void {
    const name = `${version}.${group}`;
    if (this.ctx.store.get(apiServicesGR, undefined, name)) return;
    const apiService: KubeObject = {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name, labels: { 'kube-aggregator.kubernetes.io/automanaged': 'true' } },
      spec: { group, version, groupPriorityMinimum: 1000, versionPriority: 100 },
    };
    const type = this.ctx.registry.get('apiregistration.k8s.io', 'v1', 'apiservices');
    type?.defaults?.(apiService);
    type?.prepareForCreate?.(apiService);
    this.ctx.store.create(apiServicesGR, apiService, undefined, { generation: false });
  }

  private deleteAPIService(group: string, version: string): void {
    const name = `${version}.${group}`;
    const existing = this.ctx.store.get(apiServicesGR, undefined, name);
    if (existing?.metadata.labels?.['kube-aggregator.kubernetes.io/automanaged'] === 'true') {
      this.ctx.store.delete(apiServicesGR, undefined, name);
    }
  }

  /** A deleted CRD takes its objects and its APIServices with it. */
  private cleanUp(before: { group: string; versions: string[]; plural: string }): void {
    const gr = { group: before.group, resource: before.plural };
    for (const obj of [...this.ctx.store.list(gr)]) this.ctx.store.delete(gr, obj.metadata.namespace, obj.metadata.name ?? '');
    for (const v of before.versions) this.deleteAPIService(before.group, v);
  }
}
