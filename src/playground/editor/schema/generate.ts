// Writes kube.schema.json, the editor's JSON Schema, from the Kubernetes OpenAPI documents the
// simulator serves. Run with `node src/playground/editor/schema/generate.ts` after those change;
// a unit test fails while the committed file is out of date.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildKubeSchema, type OpenAPIDocument, type OpenAPISchema } from './convert.ts';
import { editorKinds, sourceDocuments } from './kinds.ts';

const generatedDir = new URL('../../../sim/openapi/generated/', import.meta.url);
export const schemaFile = new URL('./kube.schema.json', import.meta.url);

/** Component schemas of all source documents; a name defined twice must be defined alike. */
export function mergedComponentSchemas(): Record<string, OpenAPISchema> {
  const merged: Record<string, OpenAPISchema> = {};
  for (const file of sourceDocuments) {
    const doc = JSON.parse(readFileSync(new URL(file, generatedDir), 'utf8')) as OpenAPIDocument;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (name in merged && JSON.stringify(merged[name]) !== JSON.stringify(schema)) {
        throw new Error(`${name} differs between OpenAPI documents`);
      }
      merged[name] = schema;
    }
  }
  return merged;
}

export function generateSchemaText(): string {
  return JSON.stringify(buildKubeSchema(mergedComponentSchemas(), editorKinds)) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generateSchemaText();
  writeFileSync(schemaFile, text);
  console.log(`wrote ${fileURLToPath(schemaFile)} (${text.length} bytes)`);
}
