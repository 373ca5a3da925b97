// What the apiserver knows about each kind it serves: names for discovery, scope, verbs, the
// server-side Table columns, and the registry strategy (defaulting, validation, create/update
// preparation). Built-in kinds register once; CRDs add and remove types while the cluster runs.

import type { FieldError } from './fielderrors.ts';
import type { KubeObject } from './types.ts';
import type { GroupResource } from './errors.ts';
import type { DecodeResult } from './apiserver/go_decode.ts';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

export interface TableContext {
  /** Milliseconds since the epoch, for AGE cells. */
  now: number;
  /** Read access to other objects (e.g. a Deployment's pods), when a cell needs them. */
  lookup: ObjectLookup;
}

export interface ObjectLookup {
  get(gr: GroupResource, namespace: string | undefined, name: string): KubeObject | undefined;
  list(gr: GroupResource, namespace?: string): KubeObject[];
}

export interface TableDefinition {
  columns: TableColumn[];
  /** One cell per column, in order. The first column is the name. */
  cells(obj: KubeObject, ctx: TableContext): unknown[];
}

export interface ResourceType {
  group: string;
  version: string;
  /** Plural resource name, e.g. `apiservices`. */
  resource: string;
  kind: string;
  listKind: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  /** Subresources served, e.g. `status`, `scale`. */
  subresources?: string[];
  table?: TableDefinition;
  /** Set defaults (Go's SetDefaults_*), on create and on update. */
  defaults?(obj: KubeObject): void;
  /** Strategy.PrepareForCreate: drop or set server-owned fields. */
  prepareForCreate?(obj: KubeObject): void;
  /** Strategy.PrepareForUpdate: keep server-owned fields from the old object. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Strategy.Validate / ValidateUpdate: field errors, in the order the real validator reports them. */
  validate?(obj: KubeObject, old?: KubeObject): FieldError[];
  /** Decode a request body as the kind's Go type: unknown fields dropped, wrong types rejected with the decoder's message. */
  decode?(raw: unknown): DecodeResult;
  /** The status strategy's PrepareForUpdate: keep everything but status from the old object. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Whether a PUT may omit metadata.resourceVersion (most kinds allow it; APIService does not). */
  allowUnconditionalUpdate?: boolean;
  /** Whether this kind has metadata.generation, bumped on spec changes. */
  hasGeneration?: boolean;
  /** The `scale` subresource: read and write an autoscaling/v1 Scale. */
  scale?: {
    toScale(obj: KubeObject): KubeObject;
    applyScale(obj: KubeObject, scale: KubeObject): KubeObject;
  };
  /** Field selectors this kind supports beyond metadata.name and metadata.namespace. */
  fieldSelectors?: string[];
  /** Custom resources serialize like unstructured objects (sorted keys; list items carry apiVersion and kind). */
  custom?: boolean;
  /** For custom resources: the CRD's OpenAPI v3 schema of this version. */
  schema?: unknown;
  /**
   * The object as a reader sees it at `ctx.now`, for fields a component renews on a schedule
   * (node heartbeats, lease renewals): computed on read rather than written every period.
   */
  asOf?(obj: KubeObject, ctx: TableContext): KubeObject;
}

export const groupVersion = (t: { group: string; version: string }) => (t.group ? `${t.group}/${t.version}` : t.version);

/** All served kinds, looked up by group/version/resource or by kind. */
export class ResourceRegistry {
  private byGVR = new Map<string, ResourceType>();
  private listeners = new Set<() => void>();
  /** `group/version` of every served type; rebuilt on first use after a change. */
  private groupVersions: Set<string> | undefined;

  add(t: ResourceType): void {
    this.byGVR.set(`${t.group}/${t.version}/${t.resource}`, t);
    this.changed();
  }

  remove(group: string, version: string, resource: string): void {
    if (this.byGVR.delete(`${group}/${version}/${resource}`)) this.changed();
  }

  get(group: string, version: string, resource: string): ResourceType | undefined {
    return this.byGVR.get(`${group}/${version}/${resource}`);
  }

  byKind(group: string, version: string, kind: string): ResourceType | undefined {
    for (const t of this.byGVR.values()) if (t.group === group && t.version === version && t.kind === kind) return t;
    return undefined;
  }

  /** Every type, in registration order. */
  all(): ResourceType[] {
    return [...this.byGVR.values()];
  }

  /** Types of one group/version, in registration order. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter((t) => t.group === group && t.version === version);
  }

  /** Whether any type is served in group/version (asked on every resource request). */
  servesGroupVersion(group: string, version: string): boolean {
    if (!this.groupVersions) {
      this.groupVersions = new Set();
      for (const t of this.byGVR.values()) this.groupVersions.add(`${t.group}/${t.version}`);
    }
    return this.groupVersions.has(`${group}/${version}`);
  }

  /** Called whenever the set of served types changes (discovery caches listen). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.groupVersions = undefined;
    for (const fn of this.listeners) fn();
  }
}
