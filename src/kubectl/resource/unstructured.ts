// What cli-runtime's builder checks when it decodes each `-f` document (metadataValidatingDecoder
// around unstructured.UnstructuredJSONScheme): the document must be a JSON object with a string
// kind, and its apiVersion, kind and metadata must decode into TypeMeta and ObjectMeta, with
// encoding/json's words for a value of the wrong type (src/lib/go_json.ts, which the simulated
// apiserver decodes with too). kubectl prints `unable to decode "<source>": <message>`.

import { goString, goUnmarshal, objectMeta, type GoType } from '../../lib/go_json.ts';
import { goMarshal } from './manifest.ts';

const metadataOnlyObject: GoType = {
  kind: 'struct',
  name: 'resource.metadataOnlyObject',
  fields: { apiVersion: goString, kind: goString, metadata: objectMeta },
};

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number, object
}

/** Why the builder cannot decode this document, or undefined when it can. */
export function unstructuredDecodeError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `json: cannot unmarshal ${jsonKind(value)} into Go value of type unstructured.detector`;
  }
  const kind = (value as Record<string, unknown>).kind;
  if (typeof kind !== 'string' || kind === '') return `Object 'Kind' is missing in '${goMarshal(value)}'`;
  const decoded = goUnmarshal(value, metadataOnlyObject);
  return decoded.ok ? undefined : decoded.message;
}
