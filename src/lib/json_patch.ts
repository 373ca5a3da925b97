// The two patch formats that are plain JSON algorithms, shared by the apiserver (PATCH requests)
// and kubectl (`patch --local`, `--dry-run=client`): a JSON merge patch (RFC 7386) and a JSON
// patch (RFC 6902). Strategic merge patch, which needs a kind's merge keys, is strategic_merge_patch.ts.

type JSONMap = Record<string, unknown>;

/** A JSON patch that cannot be applied, worded as the apiserver and kubectl word it. */
export class JsonPatchError extends Error {}

const isMap = (v: unknown): v is JSONMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return copy(patch);
  const out: JSONMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

function pointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${p}`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json patch must be an array of operations');
  let doc = copy(target);
  const get = (parts: string[]) => parts.reduce<unknown>((cur, p) => (isMap(cur) || Array.isArray(cur) ? (cur as JSONMap)[p] : undefined), doc);
  const parentOf = (parts: string[]) => {
    const parent = get(parts.slice(0, -1));
    if (typeof parent !== 'object' || parent === null) throw new JsonPatchError(`missing path: /${parts.join('/')}`);
    return parent as JSONMap | unknown[];
  };
  const add = (parts: string[], value: unknown) => {
    if (parts.length === 0) return void (doc = value);
    const parent = parentOf(parts);
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    else parent[last] = value;
  };
  const remove = (parts: string[]) => {
    const parent = parentOf(parts);
    const last = parts[parts.length - 1]!;
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else {
      if (!(last in parent)) throw new JsonPatchError(`unable to remove nonexistent key: ${last}`);
      delete parent[last];
    }
  };
  for (const op of ops) {
    if (!isMap(op) || typeof op.op !== 'string' || typeof op.path !== 'string') throw new JsonPatchError('invalid operation');
    const parts = pointer(op.path);
    switch (op.op) {
      case 'add':
        add(parts, copy(op.value));
        break;
      case 'remove':
        remove(parts);
        break;
      case 'replace':
        remove(parts);
        add(parts, copy(op.value));
        break;
      case 'test':
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) throw new JsonPatchError(`testing value /${parts.join('/')} failed`);
        break;
      case 'move':
      case 'copy': {
        const from = pointer(String(op.from));
        const value = copy(get(from));
        if (op.op === 'move') remove(from);
        add(parts, value);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
