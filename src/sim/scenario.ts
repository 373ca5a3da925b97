// Scenarios: a cluster's starting state as a YAML file under content/scenarios/, not code.
//
//   name: default
//   description: …
//   clusterAge: 100d          # how long ago the control plane started (built-in objects' age)
//   objects:
//     - age: 90d              # optional: how long ago this object was created (default: clusterAge)
//       object: { apiVersion: v1, kind: Node, metadata: …, status: … }
//
// A scenario can start from another one and change only what differs:
//
//   base: default             # the other scenario's objects and clusterAge, then:
//   remove:                   # drop objects by kind, namespace and name
//     - { kind: Service, namespace: kube-system, name: metrics-server }
//   patch:                    # JSON merge patches (RFC 7386) on objects of the base
//     - { kind: Deployment, namespace: kube-system, name: metrics-server, patch: { spec: { replicas: 0 } } }
//   objects: […]              # added; one with the same kind, namespace and name replaces the base's
//
// Objects are created through the kinds' own strategies (defaults, validation) and then, where
// the file gives a status, the status is written as the component that owns it would (a kubelet
// for nodes and static pods).

import { parse as parseYaml } from 'yaml';
import { jsonMergePatch } from '../lib/json_patch.ts';
import { isObject, type KubeObject } from './types.ts';

export interface ScenarioObject {
  /** Milliseconds before the scenario's start at which the object was created. */
  ageMs: number;
  object: KubeObject;
}

export interface Scenario {
  name: string;
  description: string;
  clusterAgeMs: number;
  objects: ScenarioObject[];
}

const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `100d`, `2d4h`, `30m`, `45s` → milliseconds. */
export function parseAge(text: string): number {
  const parts = [...text.matchAll(/(\d+)([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) {
    throw new Error(`invalid age "${text}": use a duration such as 100d, 2d4h or 30m`);
  }
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * units[u], 0);
}

/** A scenario file: its YAML text, or the document it parses to (a page gets it as JSON, prebuilt). */
export type ScenarioSource = string | Record<string, unknown>;

/** Reads another scenario file by name (for `base:`). */
export type ScenarioLoader = (name: string) => ScenarioSource | Promise<ScenarioSource>;

interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

function parseObjects(name: string, items: unknown, clusterAgeMs: number): ScenarioObject[] {
  if (items === undefined) return [];
  if (!Array.isArray(items)) throw new Error(`scenario ${name}: objects must be a list`);
  return items.map((item, i): ScenarioObject => {
    if (!isObject(item) || !isObject(item.object)) throw new Error(`scenario ${name}: objects[${i}] needs an "object"`);
    const object = item.object as KubeObject;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || !isObject(object.metadata)) {
      throw new Error(`scenario ${name}: objects[${i}] needs apiVersion, kind and metadata`);
    }
    return { ageMs: item.age ? parseAge(String(item.age)) : clusterAgeMs, object };
  });
}

function parseRef(name: string, field: string, item: unknown, i: number): ObjectRef & Record<string, unknown> {
  if (!isObject(item) || typeof item.kind !== 'string' || typeof item.name !== 'string') {
    throw new Error(`scenario ${name}: ${field}[${i}] needs kind and name (and namespace for namespaced kinds)`);
  }
  return { ...item, kind: item.kind, name: item.name, namespace: typeof item.namespace === 'string' ? item.namespace : '' };
}

const sameObject = (object: KubeObject, ref: ObjectRef) =>
  object.kind === ref.kind && object.metadata.name === ref.name && (object.metadata.namespace ?? '') === ref.namespace;

const refOf = (object: KubeObject): ObjectRef => ({ kind: object.kind, name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? '' });

const describeRef = (ref: ObjectRef) => `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

function parseDocument(source: ScenarioSource): Record<string, unknown> & { name: string } {
  const doc: unknown = typeof source === 'string' ? parseYaml(source) : source;
  if (!isObject(doc)) throw new Error('a scenario is a YAML mapping with name and objects');
  const name = String(doc.name ?? '');
  if (!name) throw new Error('a scenario needs a name');
  return { ...doc, name };
}

/** A scenario file that stands alone (no `base:`). */
export function parseScenario(source: ScenarioSource): Scenario {
  return standalone(parseDocument(source));
}

function standalone(doc: Record<string, unknown> & { name: string }): Scenario {
  if (doc.base !== undefined) {
    throw new Error(`scenario ${doc.name} starts from scenario ${JSON.stringify(doc.base)}: load it with resolveScenario and a loader`);
  }
  const clusterAgeMs = doc.clusterAge ? parseAge(String(doc.clusterAge)) : 0;
  return { name: doc.name, description: String(doc.description ?? ''), clusterAgeMs, objects: parseObjects(doc.name, doc.objects, clusterAgeMs) };
}

/** A scenario file, with its `base:` chain loaded through `load` and applied. */
export async function resolveScenario(source: ScenarioSource, load: ScenarioLoader, seen: string[] = []): Promise<Scenario> {
  const doc = parseDocument(source);
  if (doc.base === undefined) return standalone(doc);
  const baseName = String(doc.base);
  if (seen.includes(baseName) || baseName === doc.name) {
    throw new Error(`scenario ${doc.name}: its base chain loops (${[...seen, doc.name, baseName].join(' → ')})`);
  }
  const base = await resolveScenario(await load(baseName), load, [...seen, doc.name]);
  const clusterAgeMs = doc.clusterAge ? parseAge(String(doc.clusterAge)) : base.clusterAgeMs;
  let objects = base.objects;

  const removals = Array.isArray(doc.remove) ? doc.remove : doc.remove === undefined ? [] : [doc.remove];
  removals.forEach((item, i) => {
    const ref = parseRef(doc.name, 'remove', item, i);
    if (!objects.some((o) => sameObject(o.object, ref))) throw new Error(`scenario ${doc.name}: remove: ${baseName} has no ${describeRef(ref)}`);
    objects = objects.filter((o) => !sameObject(o.object, ref));
  });

  const patches = Array.isArray(doc.patch) ? doc.patch : doc.patch === undefined ? [] : [doc.patch];
  patches.forEach((item, i) => {
    const ref = parseRef(doc.name, 'patch', item, i);
    if (!isObject(ref.patch)) throw new Error(`scenario ${doc.name}: patch[${i}] needs a "patch" mapping`);
    if (!objects.some((o) => sameObject(o.object, ref))) throw new Error(`scenario ${doc.name}: patch: ${baseName} has no ${describeRef(ref)}`);
    objects = objects.map((o) => (sameObject(o.object, ref) ? { ...o, object: jsonMergePatch(o.object, ref.patch) as KubeObject } : o));
  });

  for (const added of parseObjects(doc.name, doc.objects, clusterAgeMs)) {
    const ref = refOf(added.object);
    const at = objects.findIndex((o) => sameObject(o.object, ref));
    objects = at < 0 ? [...objects, added] : objects.map((o, i) => (i === at ? added : o));
  }
  return { name: doc.name, description: String(doc.description ?? base.description), clusterAgeMs, objects };
}
