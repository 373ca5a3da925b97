// Request URLs as client-go builds them: group/version prefix, namespace segment for
// namespaced resources, and query strings encoded and sorted as Go's url.Values.Encode.

import type { APIResource } from '../discovery.ts';

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's url.Values.Encode: keys sorted. */
export function encodeQuery(params: Record<string, string | undefined>): string {
  const keys = Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort();
  if (keys.length === 0) return '';
  return '?' + keys.map((k) => `${queryEscape(k)}=${queryEscape(params[k]!)}`).join('&');
}

/** Go's url.PathEscape for one path segment. */
export const pathEscape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function resourcePath(r: Pick<APIResource, 'group' | 'version' | 'name' | 'namespaced'>, namespace: string | undefined, name?: string): string {
  let path = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  if (r.namespaced && namespace) path += `/namespaces/${pathEscape(namespace)}`;
  path += `/${r.name}`;
  if (name !== undefined) path += `/${pathEscape(name)}`;
  return path;
}
