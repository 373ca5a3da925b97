// Decoding a request body into apiregistration/v1 APIService as the apiserver's JSON serializer
// does (sigs.k8s.io/json, a case-sensitive encoding/json; see src/lib/go_json.ts): values of the
// wrong JSON type fail with encoding/json's UnmarshalTypeError, a caBundle that is not base64
// fails with the base64 error, a time that is not RFC 3339 with time.Parse's, and unknown fields
// are dropped; canonicalAPIService then puts the fields in Go struct order. Unknown-field
// (strict) errors are reported by the OpenAPI field validation, not here.

import { isObject, type KubeObject } from '../types.ts';
import { goBool, goInt32, goString, goTime, goUnmarshal, objectMeta, unmarshalTypeError, type GoType } from '../../lib/go_json.ts';
import { cannotBeHandled, type DecodeResult } from '../apiserver/go_decode.ts';
import { canonicalAPIService } from './strategy.ts';

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

/**
 * Decode a request body (already parsed JSON) as an APIService. On failure, `message` is the
 * whole 400 BadRequest Status message the apiserver sends.
 */
export function decodeAPIService(raw: unknown): DecodeResult {
  const decoded = goUnmarshal(raw, apiService);
  if (!decoded.ok) return { ok: false, message: cannotBeHandled('APIService', 'v1', decoded.message) };
  if (!isObject(decoded.value)) return { ok: false, message: cannotBeHandled('APIService', 'v1', unmarshalTypeError('null', apiService, undefined)) };
  const obj = decoded.value as KubeObject;
  obj.metadata ??= {};
  return { ok: true, obj: canonicalAPIService(obj) };
}
