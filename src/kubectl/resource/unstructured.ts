// What cli-runtime's builder checks when it decodes each `-f` document (metadataValidatingDecoder
// around unstructured.UnstructuredJSONScheme): the document must be a JSON object with a string
// kind, and its apiVersion, kind and metadata must decode into TypeMeta and ObjectMeta, with
// encoding/json's words for a value of the wrong type. kubectl prints
// `unable to decode "<source>": <message>`.

import { goMarshal } from './manifest.ts';

type GoType =
  | { kind: 'string' | 'bool' | 'int64' | 'time' | 'any' }
  | { kind: 'map'; name: string; elem: GoType }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'struct'; name: string; typeName: string; fields: Record<string, GoType> };

const str: GoType = { kind: 'string' };
const bool: GoType = { kind: 'bool' };
const int64: GoType = { kind: 'int64' };
const time: GoType = { kind: 'time' };
const any: GoType = { kind: 'any' };

const ownerReference: GoType = {
  kind: 'struct',
  name: 'OwnerReference',
  typeName: 'v1.OwnerReference',
  fields: { apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool },
};

const managedFieldsEntry: GoType = {
  kind: 'struct',
  name: 'ManagedFieldsEntry',
  typeName: 'v1.ManagedFieldsEntry',
  fields: { manager: str, operation: str, apiVersion: str, time, fieldsType: str, fieldsV1: any, subresource: str },
};

const objectMeta: GoType = {
  kind: 'struct',
  name: 'ObjectMeta',
  typeName: 'v1.ObjectMeta',
  fields: {
    name: str,
    generateName: str,
    namespace: str,
    selfLink: str,
    uid: str,
    resourceVersion: str,
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: { kind: 'map', name: 'map[string]string', elem: str },
    annotations: { kind: 'map', name: 'map[string]string', elem: str },
    ownerReferences: { kind: 'slice', name: '[]v1.OwnerReference', elem: ownerReference },
    finalizers: { kind: 'slice', name: '[]string', elem: str },
    managedFields: { kind: 'slice', name: '[]v1.ManagedFieldsEntry', elem: managedFieldsEntry },
  },
};

const metadataOnlyObject: GoType = {
  kind: 'struct',
  name: 'metadataOnlyObject',
  typeName: 'resource.metadataOnlyObject',
  fields: { apiVersion: str, kind: str, metadata: objectMeta },
};

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number, object
}

const goTypeName = (t: GoType): string => (t.kind === 'time' ? 'string' : 'name' in t ? ('typeName' in t ? t.typeName : t.name) : t.kind);

/** Go's time.Parse(time.RFC3339, s) error, element by element as Go reports it. */
function rfc3339Error(s: string): string | undefined {
  const layout = '2006-01-02T15:04:05Z07:00';
  const elements: [string, RegExp][] = [
    ['2006', /^\d{4}/], ['-', /^-/], ['01', /^\d{2}/], ['-', /^-/], ['02', /^\d{2}/], ['T', /^T/], ['15', /^\d{2}/], [':', /^:/],
    ['04', /^\d{2}/], [':', /^:/], ['05', /^\d{2}(\.\d+)?/], ['Z07:00', /^(Z|[+-]\d{2}:\d{2})/],
  ];
  let rest = s;
  for (const [element, pattern] of elements) {
    const match = pattern.exec(rest);
    if (!match) return `parsing time ${JSON.stringify(s)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(element)}`;
    rest = rest.slice(match[0].length);
  }
  if (rest !== '') return `parsing time ${JSON.stringify(s)}: extra text: ${JSON.stringify(rest)}`;
  const [, month, day, hour, minute, second] = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(s)!.map(Number);
  const range = (what: string) => `parsing time ${JSON.stringify(s)}: ${what} out of range`;
  if (month! < 1 || month! > 12) return range('month');
  if (day! < 1 || day! > 31) return range('day');
  if (hour! > 23) return range('hour');
  if (minute! > 59) return range('minute');
  if (second! > 59) return range('second');
  return undefined;
}

/** The first decoding error of `value` as Go type `t`, in document order; `at` is the struct and field path. */
function decodeError(value: unknown, t: GoType, at: { struct: string; fields: string[] }): string | undefined {
  if (value === null || value === undefined || t.kind === 'any') return undefined;
  const kind = jsonKind(value);
  const mismatch = (what = kind) => `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.fields.join('.')} of type ${goTypeName(t)}`;
  switch (t.kind) {
    case 'string':
      return kind === 'string' ? undefined : mismatch();
    case 'time':
      return kind === 'string' ? rfc3339Error(value as string) : mismatch();
    case 'bool':
      return kind === 'bool' ? undefined : mismatch();
    case 'int64': {
      if (kind !== 'number') return mismatch();
      const n = value as number;
      return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? undefined : mismatch(`number ${String(n)}`);
    }
    case 'map':
      if (kind !== 'object') return mismatch();
      for (const item of Object.values(value as Record<string, unknown>)) {
        const err = decodeError(item, t.elem, at); // map keys do not extend the field path
        if (err) return err;
      }
      return undefined;
    case 'slice':
      if (kind !== 'array') return mismatch();
      for (const item of value as unknown[]) {
        const err = decodeError(item, t.elem, at);
        if (err) return err;
      }
      return undefined;
    case 'struct':
      if (kind !== 'object') return mismatch();
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const field = t.fields[key]; // case-sensitive: other spellings are unknown fields, ignored here
        if (!field) continue;
        const err = decodeError(item, field, { struct: t.name, fields: [...at.fields, key] });
        if (err) return err;
      }
      return undefined;
  }
}

/** Why the builder cannot decode this document, or undefined when it can. */
export function unstructuredDecodeError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `json: cannot unmarshal ${jsonKind(value)} into Go value of type unstructured.detector`;
  }
  const kind = (value as Record<string, unknown>).kind;
  if (typeof kind !== 'string' || kind === '') return `Object 'Kind' is missing in '${goMarshal(value)}'`;
  return decodeError(value, metadataOnlyObject, { struct: 'metadataOnlyObject', fields: [] });
}
