// Decoding a request body into apiregistration/v1 APIService as the apiserver's JSON serializer
// does (sigs.k8s.io/json, a case-sensitive encoding/json): values of the wrong JSON type fail
// with encoding/json's UnmarshalTypeError (the first one in document order wins), a caBundle that
// is not base64 fails with the base64 error, unknown fields are dropped, and the result is in Go
// struct field order with omitempty applied. Unknown-field (strict) errors are reported by the
// OpenAPI field validation, not here.

import { isObject, type KubeObject } from '../types.ts';
import { decodeValue, goBool, goInt32, goString, goTime, objectMeta, TypeError_, unmarshalTypeError, type GoType } from '../apiserver/go_decode.ts';
import { canonicalAPIService } from './strategy.ts';

export type DecodeResult = { ok: true; obj: KubeObject } | { ok: false; message: string };

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
