// apiserver's discovery.StorageVersionHash: base64 of the first 8 bytes of the SHA-256 of
// "group/version/Kind" of the version a resource is stored as. Storage migrators compare it; kubectl
// ignores it, but it is part of every legacy resource list.

import { sha256, toBase64, utf8Bytes } from './sha2.ts';

const memo = new Map<string, string>();

export function storageVersionHash(group: string, version: string, kind: string): string {
  const gvk = `${group}/${version}/${kind}`;
  let hash = memo.get(gvk);
  if (hash === undefined) {
    hash = toBase64(sha256(utf8Bytes(gvk)).subarray(0, 8));
    memo.set(gvk, hash);
  }
  return hash;
}
