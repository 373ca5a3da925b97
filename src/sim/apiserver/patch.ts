// Strategic merge patch as the apiserver applies it: src/lib's algorithm with the merge keys of
// the kinds we serve. The other patch types it accepts, JSON merge patch (RFC 7386) and JSON patch
// (RFC 6902), come from src/lib/json_patch.ts directly.

import { mergeAsSet, strategicMergePatch as strategicMerge, type MergeKeys } from '../../lib/strategic_merge_patch.ts';

/** Which lists merge by key, as the Go struct tags (patchMergeKey) of the kinds we serve declare. */
function mergeKeyFor(path: string[]): string | 'set' | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'finalizers':
      return 'set';
    case 'ports':
      // Container ports merge on containerPort; a Service's ports on port. Endpoint ports replace.
      if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return 'containerPort';
      if (path.length === 2 && path[0] === 'spec') return 'port';
      return undefined;
    default:
      return undefined;
  }
}

/** The sim's merge keys, looked up by the field path from the object's root (list items share their list's path). */
function pathKeys(path: string[]): MergeKeys {
  return {
    list(name) {
      const key = mergeKeyFor([...path, name]);
      return key === 'set' ? mergeAsSet : key;
    },
    field: (name) => pathKeys([...path, name]),
  };
}

const rootKeys = pathKeys([]);

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  return strategicMerge(target, patch, rootKeys);
}

