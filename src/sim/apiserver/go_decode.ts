// The apiserver's decoding of a request body into a built-in kind's Go type (the JSON decoding
// itself is src/lib/go_json.ts, shared with kubectl): how a decoding error becomes the 400
// message, and the ObjectMeta every kind without a full decoder here still goes through.

import { goUnmarshal, objectMeta } from '../../lib/go_json.ts';
import { isObject, type KubeObject } from '../types.ts';

export type DecodeResult = { ok: true; obj: KubeObject } | { ok: false; message: string };

/** The 400 message for a body that does not decode as `kind`. */
export function cannotBeHandled(kind: string, apiVersion: unknown, err: string): string {
  const version = typeof apiVersion === 'string' ? apiVersion.split('/').pop() : '';
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`;
}

/**
 * Every built-in kind's body goes through its Go struct, so an ObjectMeta field of the wrong JSON
 * type is a 400 before anything reads it, and the metadata stored is what ObjectMeta keeps:
 * unknown fields dropped, null map values "". Kinds without a full decoder here get that alone.
 */
export function decodeObjectMeta(raw: KubeObject, kind: string): DecodeResult {
  if (!isObject(raw.metadata)) return { ok: true, obj: raw };
  const decoded = goUnmarshal(raw.metadata, objectMeta, { struct: kind, fields: ['metadata'] });
  if (!decoded.ok) return { ok: false, message: cannotBeHandled(kind, raw.apiVersion, decoded.message) };
  return { ok: true, obj: { ...raw, metadata: decoded.value as KubeObject['metadata'] } };
}
