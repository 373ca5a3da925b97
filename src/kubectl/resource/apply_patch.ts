// Patches applied on kubectl's side, as `kubectl patch --local` and `--dry-run=client` do:
// a JSON merge patch (RFC 7386) and a JSON patch (RFC 6902), with kubectl's error type.

import { JsonPatchError, jsonMergePatch, jsonPatch } from '../../lib/json_patch.ts';
import { KubectlError } from '../rest/errors.ts';

export const applyMergePatch = jsonMergePatch;

export function applyJSONPatch(target: unknown, ops: unknown): unknown {
  try {
    return jsonPatch(target, ops);
  } catch (e) {
    if (e instanceof JsonPatchError) throw new KubectlError(e.message);
    throw e;
  }
}
