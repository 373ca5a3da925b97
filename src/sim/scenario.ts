// Scenarios: a cluster's starting state as a YAML file under content/scenarios/, not code.
//
//   name: default
//   description: …
//   clusterAge: 100d          # how long ago the control plane started (built-in objects' age)
//   objects:
//     - age: 90d              # optional: how long ago this object was created (default: clusterAge)
//       object: { apiVersion: v1, kind: Node, metadata: …, status: … }
//
// Objects are created through the kinds' own strategies (defaults, validation) and then, where
// the file gives a status, the status is written as the component that owns it would (a kubelet
// for nodes and static pods).

import { parse as parseYaml } from 'yaml';
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

export function parseScenario(text: string): Scenario {
  const doc: unknown = parseYaml(text);
  if (!isObject(doc)) throw new Error('a scenario is a YAML mapping with name and objects');
  const name = String(doc.name ?? '');
  if (!name) throw new Error('a scenario needs a name');
  const clusterAgeMs = doc.clusterAge ? parseAge(String(doc.clusterAge)) : 0;
  const items = Array.isArray(doc.objects) ? doc.objects : [];
  const objects = items.map((item, i): ScenarioObject => {
    if (!isObject(item) || !isObject(item.object)) throw new Error(`scenario ${name}: objects[${i}] needs an "object"`);
    const object = item.object as KubeObject;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || !isObject(object.metadata)) {
      throw new Error(`scenario ${name}: objects[${i}] needs apiVersion, kind and metadata`);
    }
    return { ageMs: item.age ? parseAge(String(item.age)) : clusterAgeMs, object };
  });
  return { name, description: String(doc.description ?? ''), clusterAgeMs, objects };
}
