// Generators shared by the robustness properties: kubectl command lines, strings a learner may
// type into an object (markup, terminal escapes, very long values), and manifests built from real
// ones (the default scenario's objects, the APIServices of the fidelity vectors, a lesson's CRD)
// and then mutated: values, keys and types changed, lines re-indented, duplicated or cut,
// anchors and aliases, YAML tags, several documents in one file, JSON and List forms.

import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { fidelityJson } from '../apiregistration/fixtures.ts';
import { readScenario } from '../../../scripts/lib/scenarios.ts';

/** How many cases each property runs: `ROBUSTNESS_RUNS=100000` for a nightly-size run. */
export const robustnessRuns = Number(process.env.ROBUSTNESS_RUNS ?? 2000);

/**
 * fast-check's parameters. `npm test` replays one fixed seed, so a red build always means a change
 * broke something; a nightly run sets `ROBUSTNESS_SEED=random` (or a seed to replay) to explore.
 */
export const robustnessParams: { numRuns: number; seed?: number } =
  process.env.ROBUSTNESS_SEED === 'random' ? { numRuns: robustnessRuns } : { numRuns: robustnessRuns, seed: Number(process.env.ROBUSTNESS_SEED ?? 20261126) };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

// ---- strings a learner may put in a name, a label or an annotation ----

export const hostileStrings = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</script><script>alert(1)</script>',
  '\x1b[31mred\x1b[0m',
  '\x1b[2J\x1b[H',
  '\x1b]0;title\x07',
  '\x1b[6n',
  '\x1b[?1049h',
  '\x1bP+q\x1b\\',
  '\r\n$ ',
  '\u202eevil',
  '\u0000',
  '\ufeff',
  '日本語',
  '👩‍👩‍👧',
  'e\u0301',
  '%s%d%n',
  '{{.metadata.name}}',
  '${HOME}',
  "'; DROP TABLE x; --",
  'a'.repeat(10_000),
  'é'.repeat(3_000),
] as const;

export const learnerString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('web', 'v1beta1.metrics.k8s.io', 'kube-system', 'app', 'a.b/c', '-x', 'A', '') },
);

// ---- kubectl command lines ----

const kubectlWords = [
  'get', 'describe', 'apply', 'create', 'delete', 'scale', 'top', 'explain', 'api-versions', 'api-resources', 'version',
  'cluster-info', 'config', 'view', 'help', 'apiservice', 'apiservices', 'pods', 'po', 'nodes', 'deploy', 'svc', 'crd',
  'v1beta1.metrics.k8s.io', 'metrics-server', 'web', '-n', 'kube-system', '-A', '-o', 'yaml', 'json', 'wide', 'name',
  '-o=jsonpath={.items[*].metadata.name}', '-l', 'app=web', '--replicas=0', '--replicas=2', '-f', '-', 'x.yaml', '-v=6',
  '--raw', '/apis', '/apis/metrics.k8s.io/v1beta1/nodes', '--show-labels', '--recursive', 'apiservice.spec', '--sort-by=cpu',
  '|', 'grep', '-v', 'Local', 'head', '-3', 'wc', '-l', 'sort', ';', '&&', '||', "'", '"', '\\', '$?', '#',
] as const;

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constant('kubectl') },
  { weight: 10, arbitrary: fc.constantFrom(...kubectlWords) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((s) => `--${s}`) },
  { weight: 1, arbitrary: learnerString.map((s) => `'${s.replace(/'/g, '')}'`) },
);

/** A line of words, mostly kubectl's own, joined by spaces. */
export const commandLine = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(' '));

// ---- real manifests ----

const scenario = parse(readScenario('default')) as {
  objects: { object: JsonMap }[];
};
const vectors = fidelityJson<{ cases: { input: JsonMap }[] }>('validation.json');

const crd: JsonMap = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'backups.ops.example.com' },
  spec: {
    group: 'ops.example.com',
    names: { kind: 'Backup', plural: 'backups', singular: 'backup' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { schedule: { type: 'string' } } } } } },
      },
    ],
  },
};
const backup: JsonMap = { apiVersion: 'ops.example.com/v1', kind: 'Backup', metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *' } };

/** Every manifest the mutations start from. */
export const seedManifests: readonly JsonMap[] = [...scenario.objects.map((o) => o.object), ...vectors.cases.map((c) => c.input), crd, backup];

// ---- mutations of the object ----

type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json[] | JsonMap; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let node: Json = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, Json>)[step]!;
  return { parent: node as Json[] | JsonMap, key: path[path.length - 1]! };
}

const scalar: fc.Arbitrary<Json> = fc.oneof(
  learnerString,
  fc.integer(),
  fc.constantFrom(0, -1, 65535, 65536, 2 ** 31, 2 ** 53 + 1, 1.5, -0, 1e300),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom<Json>([], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);

const metaField = fc.constantFrom('name', 'generateName', 'namespace', 'labels', 'annotations', 'uid', 'resourceVersion', 'finalizers', 'ownerReferences');

type ObjectMutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; key: string }
  | { op: 'add'; at: number; key: string; value: Json }
  | { op: 'retype'; at: number; to: 'string' | 'number' | 'array' | 'object' }
  | { op: 'meta'; field: string; key: string; value: Json };

const objectMutation: fc.Arbitrary<ObjectMutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), key: fc.oneof(learnerString, fc.constantFrom('apiVersion', 'kind', 'spec', 'metadata', 'status', 'groupPriorityMinimun')) }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: learnerString, value }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), to: fc.constantFrom('string' as const, 'number' as const, 'array' as const, 'object' as const) }),
  fc.record({ op: fc.constant('meta' as const), field: metaField, key: learnerString, value: fc.oneof(learnerString, value) }),
);

// Values go in as copies: a later mutation edits the document in place, and must not edit the
// mutation's own value (which its description prints) or make the document refer to itself.
function mutateObject(root: JsonMap, m: ObjectMutation): void {
  if (m.op === 'meta') {
    const meta = (root.metadata !== null && typeof root.metadata === 'object' && !Array.isArray(root.metadata) ? root.metadata : (root.metadata = {})) as JsonMap;
    if (m.field === 'labels' || m.field === 'annotations') {
      const map = (meta[m.field] !== null && typeof meta[m.field] === 'object' && !Array.isArray(meta[m.field]) ? meta[m.field] : (meta[m.field] = {})) as JsonMap;
      map[m.key] = structuredClone(m.value);
    } else meta[m.field] = structuredClone(m.value);
    return;
  }
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  const target = parentOf(root, path);
  const get = () => (target ? (target.parent as Record<string | number, Json>)[target.key]! : root);
  const put = (v: Json) => {
    if (target) (target.parent as Record<string | number, Json>)[target.key] = v;
  };
  switch (m.op) {
    case 'set':
      put(structuredClone(m.value));
      break;
    case 'delete':
      if (!target) break;
      if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
      else delete target.parent[target.key as string];
      break;
    case 'rename':
      if (!target || Array.isArray(target.parent)) break;
      target.parent[m.key] = get();
      delete target.parent[target.key as string];
      break;
    case 'add': {
      const node = get();
      if (Array.isArray(node)) node.push(structuredClone(m.value));
      else if (node !== null && typeof node === 'object') node[m.key] = structuredClone(m.value);
      break;
    }
    case 'retype': {
      const v = get();
      put(m.to === 'string' ? JSON.stringify(v) ?? '' : m.to === 'number' ? Number(typeof v === 'object' ? NaN : v) || 7 : m.to === 'array' ? [v] : { value: v });
      break;
    }
  }
}

// ---- mutations of the text ----

const snippets = [
  ':', ': ', '- ', '-', '"', "'", '{', '}', '[', ']', '#', '\t', ' ', '  ', '&a ', '*a', '<<: *a', '? ', '|', '>', '|-', '!!binary ', '!!set ',
  '!!str ', '!!int ', '!!float ', '!!timestamp ', '!!map ', '!!omap ', '!custom ', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '\u00a0',
  '\ufeff', '\r\n', '\r', '\x00', '\x1b[31m', 'y', 'on', 'no', '0x1F', '0o17', '017', '1e3', '.inf', '.nan', '~', '=', '@', '`', '%', '\\',
] as const;

type TextMutation =
  | { op: 'indent'; line: number; by: string }
  | { op: 'dedent'; line: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; line: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'anchor'; from: number; to: number }
  | { op: 'merge'; line: number }
  | { op: 'aliasBomb'; depth: number }
  | { op: 'huge'; size: number };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(' ', '  ', '   ', '\t', '    ') }),
  fc.record({ op: fc.constant('dedent' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...snippets), fc.string({ unit: 'grapheme', maxLength: 6 })) }),
  fc.record({ op: fc.constant('anchor' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('aliasBomb' as const), depth: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('huge' as const), size: fc.constantFrom(10_000, 100_000, 300_000) }),
);

/** The classic "billion laughs": each level's list names the previous one ten times; every line indented by `indent`. */
export function aliasBomb(depth: number, indent = ''): string {
  const lines = [`${indent}a0: &a0 ["lol"]`];
  for (let i = 1; i <= depth; i++) lines.push(`${indent}a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

function mutateText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const pick = (n: number) => n % Math.max(lines.length, 1);
  switch (m.op) {
    case 'indent':
      lines[pick(m.line)] = m.by + (lines[pick(m.line)] ?? '');
      return lines.join('\n');
    case 'dedent':
      lines[pick(m.line)] = (lines[pick(m.line)] ?? '').replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, Math.floor(text.length * m.at));
    case 'duplicate':
      lines.splice(pick(m.line), 0, lines[pick(m.line)] ?? '');
      return lines.join('\n');
    case 'deleteLine':
      lines.splice(pick(m.line), 1);
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [pick(m.a), pick(m.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'anchor': {
      // `key: value` → `key: &x value`, and a later `key2: value2` → `key2: *x`.
      const from = pick(m.from);
      const to = pick(m.to);
      lines[from] = (lines[from] ?? '').replace(/^(\s*[^\s:#]+:)(\s|$)/, '$1 &x$2');
      lines[to] = (lines[to] ?? '').replace(/^(\s*[^\s:#]+:).*$/, '$1 *x');
      return lines.join('\n');
    }
    case 'merge': {
      const line = pick(m.line);
      const indent = /^\s*/.exec(lines[line] ?? '')![0];
      lines.splice(line, 0, `${indent}<<: *x`);
      return lines.join('\n');
    }
    case 'aliasBomb':
      return `${aliasBomb(m.depth)}${text}`;
    case 'huge':
      return `${text}\nhuge: ${'x'.repeat(m.size)}\n`;
  }
}

export interface Manifest {
  /** The file's text. */
  text: string;
  /** Whether any text mutation may have made it something else than what the objects say. */
  description: string;
}

const separators = ['---\n', '--- # next\n', '\n---\n', '---\n---\n', '...\n---\n'] as const;

/**
 * A manifest file: one to three real objects, mutated as objects, written as YAML (or JSON, or
 * a List), joined into one stream, then mutated as text.
 */
export const manifest: fc.Arbitrary<Manifest> = fc
  .record({
    seeds: fc.array(fc.nat({ max: seedManifests.length - 1 }), { minLength: 1, maxLength: 3 }),
    objectMutations: fc.array(objectMutation, { maxLength: 4 }),
    textMutations: fc.array(textMutation, { maxLength: 3 }),
    form: fc.constantFrom('yaml', 'yaml', 'yaml', 'json', 'list', 'flow'),
    separator: fc.constantFrom(...separators),
  })
  .map(({ seeds, objectMutations, textMutations, form, separator }) => {
    const objects = seeds.map((i) => structuredClone(seedManifests[i]!));
    objectMutations.forEach((m, i) => mutateObject(objects[i % objects.length]!, m));
    let text: string;
    if (form === 'json') text = objects.map((o) => JSON.stringify(o, null, 2)).join('\n');
    else if (form === 'list') text = stringify({ apiVersion: 'v1', kind: 'List', items: objects });
    else text = objects.map((o) => stringify(o, form === 'flow' ? { collectionStyle: 'flow' } : {})).join(separator);
    for (const m of textMutations) text = mutateText(text, m);
    return { text, description: `${form} of ${seeds.join(',')} with ${JSON.stringify(objectMutations).slice(0, 300)} then ${JSON.stringify(textMutations).slice(0, 300)}` };
  });

/** What reads a manifest: the commands that take `-f`, through a file or stdin. */
export const manifestCommand: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(
  ['apply', '-f', 'x.yaml'],
  ['apply', '-f', '-'],
  ['create', '-f', 'x.yaml'],
  ['create', '-f', 'x.yaml', '-o', 'yaml'],
  ['apply', '-f', 'x.yaml', '--validate=false'],
  ['apply', '-f', 'x.yaml', '--server-side'],
  ['apply', '-f', 'x.yaml', '--dry-run=server', '-o', 'json'],
  ['create', '-f', 'x.yaml', '--dry-run=client', '-o', 'name'],
  ['get', '-f', 'x.yaml'],
  ['get', '-f', 'x.yaml', '-o', 'yaml'],
  ['describe', '-f', 'x.yaml'],
  ['delete', '-f', 'x.yaml'],
  ['scale', '-f', 'x.yaml', '--replicas=3'],
);
