// Decoding JSON into a Go type as encoding/json does (and sigs.k8s.io/json, its case-sensitive
// fork the apiserver uses): the kube-apiserver decoding a request body and kubectl's builder
// decoding a `-f` document share it; the two never import each other.
//
// A value of the wrong JSON type is encoding/json's UnmarshalTypeError; decoding goes on and the
// first such error in document order is the one returned, unless a field whose type has its own
// UnmarshalJSON (metav1.Time) fails first or later: that error stops decoding at once. Unknown
// fields are dropped, null leaves the zero value (omitted; "" inside a map), and the result keeps
// the keys in the order the document gave them.

import { corruptInputError, decodeStdBase64 } from './base64.ts';

/** A Go field type: how a JSON value of some kind is accepted. Struct and slice names carry the package (`v1.ObjectMeta`). */
export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int'; bits: 32 | 64 }
  | { kind: 'bytes' }
  | { kind: 'time' }
  | { kind: 'map'; name: string; elem: GoType }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'struct'; name: string; fields: Record<string, GoType> }
  | { kind: 'any' };

export const goString: GoType = { kind: 'string' };
export const goBool: GoType = { kind: 'bool' };
export const goInt32: GoType = { kind: 'int', bits: 32 };
const goInt64: GoType = { kind: 'int', bits: 64 };
export const goTime: GoType = { kind: 'time' };
const stringMap: GoType = { kind: 'map', name: 'map[string]string', elem: goString };

/** metav1.ObjectMeta. */
export const objectMeta: GoType = {
  kind: 'struct',
  name: 'v1.ObjectMeta',
  fields: {
    name: goString,
    generateName: goString,
    namespace: goString,
    selfLink: goString,
    uid: goString,
    resourceVersion: goString,
    generation: goInt64,
    creationTimestamp: goTime,
    deletionTimestamp: goTime,
    deletionGracePeriodSeconds: goInt64,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: {
      kind: 'slice',
      name: '[]v1.OwnerReference',
      elem: {
        kind: 'struct',
        name: 'v1.OwnerReference',
        fields: { apiVersion: goString, kind: goString, name: goString, uid: goString, controller: goBool, blockOwnerDeletion: goBool },
      },
    },
    finalizers: { kind: 'slice', name: '[]string', elem: goString },
    managedFields: {
      kind: 'slice',
      name: '[]v1.ManagedFieldsEntry',
      elem: {
        kind: 'struct',
        name: 'v1.ManagedFieldsEntry',
        // fieldsV1 (FieldsV1) keeps whatever JSON it is given.
        fields: { manager: goString, operation: goString, apiVersion: goString, time: goTime, fieldsType: goString, fieldsV1: { kind: 'any' }, subresource: goString },
      },
    },
  },
};

type JsonKind = 'string' | 'number' | 'bool' | 'array' | 'object' | 'null';

function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** The Go type as an UnmarshalTypeError names it (metav1.Time decodes through a string). */
function typeName(t: GoType): string {
  switch (t.kind) {
    case 'int':
      return `int${t.bits}`;
    case 'bytes':
      return '[]uint8';
    case 'time':
      return 'string';
    case 'map':
    case 'slice':
    case 'struct':
      return t.name;
    default:
      return t.kind;
  }
}

/** Where encoding/json is while decoding: the innermost struct and the JSON field path. */
export interface ErrorContext {
  struct: string;
  fields: string[];
}

/** encoding/json's UnmarshalTypeError message. */
export function unmarshalTypeError(value: string, t: GoType, at: ErrorContext | undefined): string {
  if (at && at.fields.length > 0) {
    // encoding/json names the struct type without its package.
    const struct = at.struct.replace(/^.*\./, '');
    return `json: cannot unmarshal ${value} into Go struct field ${struct}.${at.fields.join('.')} of type ${typeName(t)}`;
  }
  return `json: cannot unmarshal ${value} into Go value of type ${typeName(t)}`;
}

/** Go's time.Parse(time.RFC3339, s) error, element by element as Go reports it; undefined when it parses. */
export function rfc3339Error(s: string): string | undefined {
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

/** An error that stops decoding (an UnmarshalJSON method's). */
class HardError extends Error {}

export type GoDecodeResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Decode `v` into Go type `t` (`at`: the enclosing struct and field path, if any): the value as the Go type marshals it back, or the error json.Unmarshal returns. */
export function goUnmarshal(v: unknown, t: GoType, at?: ErrorContext): GoDecodeResult {
  const state: { saved?: string } = {};
  try {
    const value = decodeValue(v, t, at, state);
    return state.saved === undefined ? { ok: true, value } : { ok: false, message: state.saved };
  } catch (e) {
    if (e instanceof HardError) return { ok: false, message: e.message };
    throw e;
  }
}

/** Go's zero value of `t` as encoding/json marshals it: "" , 0, false, {} for a struct, null for the rest. */
function zeroValue(t: GoType): unknown {
  switch (t.kind) {
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'bool':
      return false;
    case 'struct':
      return {};
    default:
      return null;
  }
}

function decodeValue(v: unknown, t: GoType, at: ErrorContext | undefined, state: { saved?: string }): unknown {
  const kind = kindOf(v);
  if (kind === 'null') return undefined; // null leaves the Go zero value
  const mismatch = (value: string = kind): undefined => {
    state.saved ??= unmarshalTypeError(value, t, at);
    return undefined;
  };
  switch (t.kind) {
    case 'any':
      return v;
    case 'string':
      return kind === 'string' ? v : mismatch();
    case 'time': {
      // metav1.Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse; either error ends decoding.
      if (kind !== 'string') throw new HardError(unmarshalTypeError(kind, t, at));
      const err = rfc3339Error(v as string);
      if (err !== undefined) throw new HardError(err);
      return v;
    }
    case 'bool':
      return kind === 'bool' ? v : mismatch();
    case 'int': {
      if (kind !== 'number') return mismatch();
      const n = v as number;
      const limit = t.bits === 32 ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(n) || n < -limit || n >= limit) return mismatch(`number ${String(n)}`);
      return n;
    }
    case 'bytes': {
      if (kind === 'array') return v; // a JSON array of numbers is also accepted for []byte
      if (kind !== 'string') return mismatch();
      const decoded = decodeStdBase64(v as string);
      if (!decoded.ok) {
        state.saved ??= corruptInputError(decoded.offset);
        return undefined;
      }
      return v;
    }
    case 'map': {
      if (kind !== 'object') return mismatch();
      const out: Record<string, unknown> = {};
      // Map keys do not extend the field path in encoding/json's error context.
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) out[k] = decodeValue(item, t.elem, at, state) ?? '';
      return out;
    }
    case 'slice': {
      if (kind !== 'array') return mismatch();
      // A null element leaves the element's zero value, which marshals back as that value.
      return (v as unknown[]).map((item) => decodeValue(item, t.elem, at, state) ?? zeroValue(t.elem));
    }
    case 'struct': {
      if (kind !== 'object') return mismatch();
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const fieldType = t.fields[k];
        if (!fieldType) continue; // unknown fields are dropped (case-sensitive; strictness is checked elsewhere)
        const decoded = decodeValue(item, fieldType, { struct: t.name, fields: [...(at?.fields ?? []), k] }, state);
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
  }
}
