// Generates the OpenAPI v3 documents the simulated kube-apiserver serves, one per built-in
// group-version of the discovery catalog. The paths are built from the served resources the way
// the apiserver's endpoint installer builds them; the schemas are Kubernetes' generated
// definitions: apimachinery's and apiregistration's copied from kubernetes/kubernetes
// api/openapi-spec/v3 (scripts/openapi-source/*.schemas.json), every other group's read out of the
// kubernetes-models package (scripts/openapi-source/kubernetes-models.ts) with the list and patch
// metadata it drops restored (scripts/openapi-source/list-metadata.ts).
// Run: node scripts/gen-openapi.ts

import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtinCatalog } from '../src/sim/discovery/catalog.ts';
import { buildGroupVersionDocument, type ResourceRoute } from '../src/sim/openapi/builder.ts';
import { sha512Hex } from '../src/sim/openapi/sha512.ts';
import { extractDefinitions, kubernetesModelsVersion } from './openapi-source/kubernetes-models.ts';
import { applyListMetadata } from './openapi-source/list-metadata.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/sim/openapi/generated');
const sourceDir = join(root, 'scripts/openapi-source');

type Schemas = Record<string, Record<string, unknown>>;
const readSchemas = (file: string) => (JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as { schemas: Schemas }).schemas;

/** The key the /openapi/v3 index uses: `api/v1`, `apis/<group>/<version>`. */
export const indexKey = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
export const fileName = (key: string) => key.replaceAll('/', '__') + '.json';

/** The Go package of a group-version's definitions. */
function definitionPrefix(group: string, version: string): string {
  if (!group) return `io.k8s.api.core.${version}.`;
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.`;
  if (group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}.`;
  return `io.k8s.api.${group.split('.')[0]}.${version}.`;
}

// The served group-versions and their resources, in catalog order.
const groupVersions = new Map<string, { group: string; version: string; resources: ResourceRoute[] }>();
for (const t of builtinCatalog) {
  const key = indexKey(t.group, t.version);
  if (!groupVersions.has(key)) groupVersions.set(key, { group: t.group, version: t.version, resources: [] });
  groupVersions.get(key)!.resources.push({ resource: t.resource, kind: t.kind, namespaced: t.namespaced, verbs: t.verbs, subresources: t.subresources });
}

// Every group-version directory of kubernetes-models the catalog needs, and autoscaling/v1 for Scale.
const modelDirs = new Set(['autoscaling/v1']);
for (const { group, version } of groupVersions.values()) if (group !== 'apiregistration.k8s.io') modelDirs.add(group ? `${group}/${version}` : version);
const extracted = extractDefinitions([...modelDirs]).schemas as Schemas;

// Kubernetes' own definitions win over the extracted ones wherever both exist.
const realMeta = readSchemas('apiregistration.k8s.io_v1.schemas.json');
const schemas: Schemas = { ...extracted };
for (const [name, schema] of Object.entries(realMeta)) if (name.startsWith('io.k8s.apimachinery.')) schemas[name] = schema;
applyListMetadata(schemas);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const manifest: Record<string, { file: string; hash: string }> = {};
for (const [key, gv] of groupVersions) {
  const prefix = definitionPrefix(gv.group, gv.version);
  const source = gv.group === 'apiregistration.k8s.io' ? { ...schemas, ...realMeta } : schemas;
  const doc = buildGroupVersionDocument({ group: gv.group, version: gv.version, resources: gv.resources, schemaName: (kind) => prefix + kind, schemas: source });
  for (const r of gv.resources) {
    if (!((doc.components as { schemas: Schemas }).schemas[prefix + r.kind])) throw new Error(`${key}: no definition for ${r.kind}`);
  }
  const body = JSON.stringify(doc);
  writeFileSync(join(outDir, fileName(key)), body + '\n');
  manifest[key] = { file: fileName(key), hash: sha512Hex(body) };
  console.log(`${key}: ${(body.length / 1024).toFixed(0)} KiB, ${(gzipSync(body).length / 1024).toFixed(0)} KiB gzipped`);
}
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// The apimachinery definitions every custom resource document shares.
const metaSchemas = Object.fromEntries(Object.entries(realMeta).filter(([name]) => name.startsWith('io.k8s.apimachinery.')));
writeFileSync(join(outDir, 'meta.v1.json'), JSON.stringify(metaSchemas) + '\n');

// The loaders index.ts imports: one literal dynamic import per document, so bundlers split them.
const loaders = Object.keys(manifest)
  .map((key) => `  '${key}': () => import('./${manifest[key].file}', { with: { type: 'json' } }),`)
  .join('\n');
writeFileSync(
  join(outDir, 'loaders.ts'),
  `// Generated by scripts/gen-openapi.ts from kubernetes-models ${kubernetesModelsVersion} and Kubernetes' definitions. Do not edit.\n\n` +
    `export const builtInLoaders: Record<string, () => Promise<{ default: unknown }>> = {\n${loaders}\n};\n`,
);
console.log(`${readdirSync(outDir).length} files in ${outDir}`);
