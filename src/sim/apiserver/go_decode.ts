// Decoding JSON into a Go type as the apiserver's serializer does (sigs.k8s.io/json, a
// case-sensitive encoding/json): values of the wrong JSON type fail with encoding/json's
// UnmarshalTypeError (the first one in document order wins), unknown fields are dropped, and the
// result is in Go struct field order with omitempty applied.

import { corruptInputError, decodeStdBase64 } from '../apiregistration/base64.ts';
import { isObject, type KubeObject } from '../types.ts';

type JsonKind = 'string' | 'number' | 'bool' | 'array' | 'object' | 'null';

function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** A Go field type: how a JSON value of some kind is accepted. */
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
export const goInt64: GoType = { kind: 'int', bits: 64 };
export const goTime: GoType = { kind: 'time' };
export const goAny: GoType = { kind: 'any' };
export const stringMap: GoType = { kind: 'map', name: 'map[string]string', elem: goString };

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
    managedFields: { kind: 'slice', name: '[]v1.ManagedFieldsEntry', elem: goAny },
  },
};

const typeName = (t: GoType): string => {
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
};

/** Where encoding/json is while decoding: the innermost struct and the JSON field path. */
interface ErrorContext {
  struct: string;
  fields: string[];
}

export class TypeError_ extends Error {}

export function unmarshalTypeError(value: string, t: GoType, at: ErrorContext | undefined): TypeError_ {
  if (at && at.fields.length > 0) {
    // encoding/json names the struct type without its package.
    const struct = at.struct.replace(/^.*\./, '');
    return new TypeError_(`json: cannot unmarshal ${value} into Go struct field ${struct}.${at.fields.join('.')} of type ${typeName(t)}`);
  }
  return new TypeError_(`json: cannot unmarshal ${value} into Go value of type ${typeName(t)}`);
}

/** Decode one value into Go type `t`; returns the value as the Go struct would marshal it back. */
export function decodeValue(v: unknown, t: GoType, at: ErrorContext | undefined): unknown {
  const kind = kindOf(v);
  if (kind === 'null') return undefined; // null leaves the Go zero value
  switch (t.kind) {
    case 'any':
      return v;
    case 'string':
    case 'time':
      if (kind !== 'string') throw unmarshalTypeError(kind, t, at);
      return v;
    case 'bool':
      if (kind !== 'bool') throw unmarshalTypeError(kind, t, at);
      return v;
    case 'int': {
      if (kind !== 'number') throw unmarshalTypeError(kind, t, at);
      const n = v as number;
      const limit = t.bits === 32 ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(n) || n < -limit || n >= limit) throw unmarshalTypeError(`number ${String(n)}`, t, at);
      return n;
    }
    case 'bytes': {
      if (kind === 'array') return v; // a JSON array of numbers is also accepted for []byte
      if (kind !== 'string') throw unmarshalTypeError(kind, t, at);
      const decoded = decodeStdBase64(v as string);
      if (!decoded.ok) throw new TypeError_(corruptInputError(decoded.offset));
      return v;
    }
    case 'map': {
      if (kind !== 'object') throw unmarshalTypeError(kind, t, at);
      const out: Record<string, unknown> = {};
      // Map keys do not extend the field path in encoding/json's error context.
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) out[k] = decodeValue(item, t.elem, at) ?? '';
      return out;
    }
    case 'slice': {
      if (kind !== 'array') throw unmarshalTypeError(kind, t, at);
      return (v as unknown[]).map((item) => decodeValue(item, t.elem, at));
    }
    case 'struct': {
      if (kind !== 'object') throw unmarshalTypeError(kind, t, at);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const fieldType = t.fields[k];
        if (!fieldType) continue; // unknown fields are dropped (strictness is checked elsewhere)
        const decoded = decodeValue(item, fieldType, { struct: t.name, fields: [...(at?.fields ?? []), k] });
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
  }
}


/**
 * Every built-in kind's body goes through its Go struct, so an ObjectMeta field of the wrong JSON
 * type is a 400 before anything reads it, and the metadata stored is what ObjectMeta keeps:
 * unknown fields dropped, null map values "". Kinds without a full decoder here get that alone.
 */
export function decodeObjectMeta(raw: KubeObject, kind: string): { ok: true; obj: KubeObject } | { ok: false; message: string } {
  try {
    if (!isObject(raw.metadata)) return { ok: true, obj: raw };
    const metadata = decodeValue(raw.metadata, objectMeta, { struct: kind, fields: ['metadata'] }) as KubeObject['metadata'];
    return { ok: true, obj: { ...raw, metadata } };
  } catch (e) {
    if (!(e instanceof TypeError_)) throw e;
    const version = typeof raw.apiVersion === 'string' ? raw.apiVersion.split('/').pop() : '';
    return { ok: false, message: `${kind} in version "${version}" cannot be handled as a ${kind}: ${e.message}` };
  }
}
