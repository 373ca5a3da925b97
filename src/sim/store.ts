// The cluster's etcd: objects keyed by group/resource and namespace/name, with the metadata the
// apiserver owns (uid, resourceVersion, generation, creationTimestamp). Lists come back in etcd
// key order (namespace, then name, byte order), as a real apiserver returns them.
//
// UIDs and resourceVersions are derived, not random, so the same scenario always yields the
// same cluster.

import type { Clock } from './clock.ts';
import { rfc3339 } from './clock.ts';
import { alreadyExists, conflict, notFound, type GroupResource } from './errors.ts';
import type { KubeObject } from './types.ts';
import type { ObjectLookup } from './resources.ts';

export interface StoreSnapshot {
  revision: number;
  created: number;
  objects: { gr: GroupResource; object: KubeObject }[];
}

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  gr: GroupResource;
  object: KubeObject;
  old?: KubeObject;
}

const grKey = (gr: GroupResource) => `${gr.group}/${gr.resource}`;
const objKey = (namespace: string | undefined, name: string) => (namespace ? `${namespace}/${name}` : name);

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deterministic RFC 4122-shaped UID from a string (FNV-1a, widened). */
export function derivedUid(seed: string): string {
  const words: number[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    words.push(h >>> 0);
  }
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

class Bucket {
  readonly objects = new Map<string, KubeObject>();
  private sorted: KubeObject[] | undefined;

  invalidate(): void {
    this.sorted = undefined;
  }

  list(): KubeObject[] {
    if (!this.sorted) {
      this.sorted = [...this.objects.entries()].sort(([a], [b]) => byteCompare(a, b)).map(([, o]) => o);
    }
    return this.sorted;
  }
}

export class ObjectStore implements ObjectLookup {
  private buckets = new Map<string, Bucket>();
  private listeners = new Set<(e: StoreEvent) => void>();
  private revision: number;
  private created = 0;
  private readonly clock: Clock;

  private readonly tracksGeneration: (gr: GroupResource) => boolean;

  /** `tracksGeneration` says which kinds have metadata.generation (Deployments do, Pods do not). */
  constructor(clock: Clock, options: { firstRevision?: number; tracksGeneration?: (gr: GroupResource) => boolean } = {}) {
    this.clock = clock;
    this.revision = options.firstRevision ?? 1000;
    this.tracksGeneration = options.tracksGeneration ?? (() => false);
  }

  /** The latest resourceVersion handed out (for list metadata). */
  get resourceVersion(): string {
    return String(this.revision);
  }

  private bucket(gr: GroupResource): Bucket {
    const k = grKey(gr);
    let b = this.buckets.get(k);
    if (!b) {
      b = new Bucket();
      this.buckets.set(k, b);
    }
    return b;
  }

  /** The stored object itself: callers must not mutate it (clone first). */
  get(gr: GroupResource, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.buckets.get(grKey(gr))?.objects.get(objKey(namespace, name));
  }

  /** Stored objects in key order, optionally of one namespace. Callers must not mutate them. */
  list(gr: GroupResource, namespace?: string): KubeObject[] {
    const all = this.buckets.get(grKey(gr))?.list() ?? [];
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
  }

  /**
   * Store a new object: sets uid, resourceVersion, creationTimestamp and generation.
   * `createdAt` lets a scenario give objects an age. `generation` overrides whether the kind
   * tracks metadata.generation.
   */
  create(gr: GroupResource, obj: KubeObject, createdAt?: number, opts: { generation?: boolean } = {}): KubeObject {
    const b = this.bucket(gr);
    const name = obj.metadata.name ?? '';
    const key = objKey(obj.metadata.namespace, name);
    if (b.objects.has(key)) throw alreadyExists(gr, name);
    this.created++;
    const stored: KubeObject = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: derivedUid(`${grKey(gr)}/${key}#${this.created}`),
        resourceVersion: this.nextRevision(),
        creationTimestamp: rfc3339(createdAt ?? this.clock.now()),
      },
    };
    if (opts.generation ?? this.tracksGeneration(gr)) stored.metadata.generation = 1;
    else delete stored.metadata.generation;
    b.objects.set(key, stored);
    b.invalidate();
    this.emit({ type: 'ADDED', gr, object: stored });
    return stored;
  }

  /**
   * Replace an existing object. If `obj` carries a resourceVersion it must match (optimistic
   * concurrency); uid and creationTimestamp always come from the stored object.
   */
  update(gr: GroupResource, obj: KubeObject, opts: { bumpGeneration?: boolean } = {}): KubeObject {
    const b = this.bucket(gr);
    const name = obj.metadata.name ?? '';
    const key = objKey(obj.metadata.namespace, name);
    const old = b.objects.get(key);
    if (!old) throw notFound(gr, name);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw conflict(gr, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const stored: KubeObject = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        resourceVersion: old.metadata.resourceVersion,
      },
    };
    if (old.metadata.generation !== undefined) {
      stored.metadata.generation = old.metadata.generation + (opts.bumpGeneration ? 1 : 0);
    }
    if (JSON.stringify(stored) === JSON.stringify(old)) return old; // a no-op write keeps its resourceVersion
    stored.metadata.resourceVersion = this.nextRevision();
    b.objects.set(key, stored);
    b.invalidate();
    this.emit({ type: 'MODIFIED', gr, object: stored, old });
    return stored;
  }

  delete(gr: GroupResource, namespace: string | undefined, name: string): KubeObject {
    const b = this.bucket(gr);
    const key = objKey(namespace, name);
    const old = b.objects.get(key);
    if (!old) throw notFound(gr, name);
    b.objects.delete(key);
    b.invalidate();
    this.nextRevision();
    this.emit({ type: 'DELETED', gr, object: old });
    return old;
  }

  /** Everything the store holds, as plain JSON: what a page saves to keep its cluster across reloads. */
  snapshot(): StoreSnapshot {
    const objects: StoreSnapshot['objects'] = [];
    for (const gr of this.groupResources()) for (const object of this.list(gr)) objects.push({ gr, object });
    return { revision: this.revision, created: this.created, objects: JSON.parse(JSON.stringify(objects)) };
  }

  /** Replace the whole content with a snapshot's. Nothing is announced: the caller resyncs its controllers. */
  restore(snapshot: StoreSnapshot): void {
    this.buckets.clear();
    for (const { gr, object } of snapshot.objects) {
      const b = this.bucket(gr);
      b.objects.set(objKey(object.metadata.namespace, object.metadata.name ?? ''), object);
      b.invalidate();
    }
    this.revision = snapshot.revision;
    this.created = snapshot.created;
  }

  /** Every group/resource that has (or had) objects. */
  groupResources(): GroupResource[] {
    return [...this.buckets.keys()].map((k) => {
      const i = k.indexOf('/');
      return { group: k.slice(0, i), resource: k.slice(i + 1) };
    });
  }

  /** Listen to every write. Returns the unsubscribe function. */
  subscribe(fn: (e: StoreEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private nextRevision(): string {
    this.revision++;
    return String(this.revision);
  }

  private emit(e: StoreEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}
