// Generates the OpenAPI v3 documents the simulated kube-apiserver serves, one per group-version:
// the schemas are Kubernetes' own generated definitions (scripts/openapi-source/, copied from
// kubernetes/kubernetes api/openapi-spec/v3), the paths are built from the served resources the way
// the apiserver's endpoint installer builds them. Run: node scripts/gen-openapi.ts

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGroupVersionDocument, type ResourceRoute } from '../src/sim/openapi/builder.ts';
import { sha512Hex } from '../src/sim/openapi/sha512.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/sim/openapi/generated');

interface Source {
  source: string;
  schemas: Record<string, unknown>;
}

interface BuiltIn {
  group: string;
  version: string;
  /** Go package of the kinds in the definitions' names. */
  definitionPrefix: string;
  source: string;
  resources: ResourceRoute[];
}

const builtIns: BuiltIn[] = [
  {
    group: 'apiregistration.k8s.io',
    version: 'v1',
    definitionPrefix: 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.',
    source: 'apiregistration.k8s.io_v1.schemas.json',
    resources: [
      {
        resource: 'apiservices',
        kind: 'APIService',
        namespaced: false,
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
        subresources: ['status'],
      },
    ],
  },
];

/** The key the /openapi/v3 index uses: `api/v1`, `apis/<group>/<version>`. */
const indexKey = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
const fileName = (key: string) => key.replaceAll('/', '__') + '.json';

mkdirSync(outDir, { recursive: true });
const manifest: Record<string, { file: string; hash: string }> = {};
for (const gv of builtIns) {
  const source = JSON.parse(readFileSync(join(root, 'scripts/openapi-source', gv.source), 'utf8')) as Source;
  const doc = buildGroupVersionDocument({
    group: gv.group,
    version: gv.version,
    resources: gv.resources,
    schemaName: (kind) => gv.definitionPrefix + kind,
    schemas: source.schemas,
  });
  const key = indexKey(gv.group, gv.version);
  const body = JSON.stringify(doc);
  writeFileSync(join(outDir, fileName(key)), body + '\n');
  manifest[key] = { file: fileName(key), hash: sha512Hex(body) };
  console.log(`${key}: ${body.length} bytes`);
}
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

// The apimachinery definitions every custom resource document shares.
const metaSource = JSON.parse(readFileSync(join(root, 'scripts/openapi-source', builtIns[0].source), 'utf8')) as Source;
const metaSchemas = Object.fromEntries(Object.entries(metaSource.schemas).filter(([name]) => name.startsWith('io.k8s.apimachinery.')));
writeFileSync(join(outDir, 'meta.v1.json'), JSON.stringify(metaSchemas) + '\n');
