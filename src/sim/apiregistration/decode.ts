// Decoding a request body into apiregistration/v1 APIService as the apiserver's JSON serializer
// does (sigs.k8s.io/json, a case-sensitive encoding/json): values of the wrong JSON type fail
// with encoding/json's UnmarshalTypeError (the first one in document order wins), a caBundle that
// is not base64 fails with the base64 error, unknown fields are dropped, and the result is in Go
// struct field order with omitempty applied. Unknown-field (strict) errors are reported by the
// OpenAPI field validation, not here.

import { isObject, type KubeObject } from '../types.ts';
import { corruptInputError, decodeStdBase64 } from './base64.ts';
import { canonicalAPIService } from './strategy.ts';

export type DecodeResult = { ok: true; obj: KubeObject } | { ok: false; message: string };

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
type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int'; bits: 32 | 64 }
  | { kind: 'bytes' }
  | { kind: 'time' }
  | { kind: 'map'; name: string; elem: GoType }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'struct'; name: string; fields: Record<string, GoType> }
  | { kind: 'any' };

const goString: GoType = { kind: 'string' };
const goBool: GoType = { kind: 'bool' };
const goInt32: GoType = { kind: 'int', bits: 32 };
const goInt64: GoType = { kind: 'int', bits: 64 };
const goTime: GoType = { kind: 'time' };
const goAny: GoType = { kind: 'any' };
const stringMap: GoType = { kind: 'map', name: 'map[string]string', elem: goString };

const objectMeta: GoType = {
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
    ownerReferences: { kind: 'slice', name: '[]v1.OwnerReference', elem: goAny },
    finalizers: { kind: 'slice', name: '[]string', elem: goString },
    managedFields: { kind: 'slice', name: '[]v1.ManagedFieldsEntry', elem: goAny },
  },
};

const serviceReference: GoType = {
  kind: 'struct',
  name: 'v1.ServiceReference',
  fields: { namespace: goString, name: goString, port: goInt32 },
};

const apiServiceSpec: GoType = {
  kind: 'struct',
  name: 'v1.APIServiceSpec',
  fields: {
    service: serviceReference,
    group: goString,
    version: goString,
    insecureSkipTLSVerify: goBool,
    caBundle: { kind: 'bytes' },
    groupPriorityMinimum: goInt32,
    versionPriority: goInt32,
  },
};

const apiServiceCondition: GoType = {
  kind: 'struct',
  name: 'v1.APIServiceCondition',
  fields: { type: goString, status: goString, lastTransitionTime: goTime, reason: goString, message: goString },
};

const apiService: GoType = {
  kind: 'struct',
  name: 'v1.APIService',
  fields: {
    kind: goString,
    apiVersion: goString,
    metadata: objectMeta,
    spec: apiServiceSpec,
    status: {
      kind: 'struct',
      name: 'v1.APIServiceStatus',
      fields: { conditions: { kind: 'slice', name: '[]v1.APIServiceCondition', elem: apiServiceCondition } },
    },
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

class TypeError_ extends Error {}

function unmarshalTypeError(value: string, t: GoType, at: ErrorContext | undefined): TypeError_ {
  if (at && at.fields.length > 0) {
    // encoding/json names the struct type without its package.
    const struct = at.struct.replace(/^.*\./, '');
    return new TypeError_(`json: cannot unmarshal ${value} into Go struct field ${struct}.${at.fields.join('.')} of type ${typeName(t)}`);
  }
  return new TypeError_(`json: cannot unmarshal ${value} into Go value of type ${typeName(t)}`);
}

/** Decode one value into Go type `t`; returns the value as the Go struct would marshal it back. */
function decodeValue(v: unknown, t: GoType, at: ErrorContext | undefined): unknown {
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

const cannotBeHandled = (err: string) => `APIService in version "v1" cannot be handled as a APIService: ${err}`;

/**
 * Decode a request body (already parsed JSON) as an APIService. On failure, `message` is the
 * whole 400 BadRequest Status message the apiserver sends.
 */
export function decodeAPIService(raw: unknown): DecodeResult {
  try {
    const decoded = decodeValue(raw, apiService, undefined);
    if (!isObject(decoded)) return { ok: false, message: cannotBeHandled(unmarshalTypeError('null', apiService, undefined).message) };
    const obj = decoded as KubeObject;
    obj.metadata ??= {};
    return { ok: true, obj: canonicalAPIService(obj) };
  } catch (e) {
    if (e instanceof TypeError_) return { ok: false, message: cannotBeHandled(e.message) };
    throw e;
  }
}
