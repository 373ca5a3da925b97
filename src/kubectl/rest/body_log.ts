// client-go's request and response body log (rest/request.go): from -v=8, each request made
// through the REST client logs `"Request Body"` and `"Response Body"` at the line of kubectl or
// client-go that made the request, bodies cut to a length that grows with the verbosity.

import { klogValue, type Klog } from '../klog.ts';

/** Where a request is made in kubectl 1.32 / client-go: the file:line the body lines carry. */
export const caller = {
  legacyDiscovery: 'discovery_client.go:253',
  groupDiscovery: 'discovery_client.go:319',
  serverVersion: 'discovery_client.go:658',
  openAPIV2: 'discovery_client.go:672',
  openAPIV3Paths: 'client.go:46',
  openAPIV3GroupVersion: 'groupversion.go:75',
  resourceGet: 'helper.go:105',
  resourceList: 'helper.go:113',
  resourceDelete: 'helper.go:202',
  resourceCreate: 'helper.go:246',
  resourcePatch: 'helper.go:269',
  dynamicGet: 'simple.go:247',
  typedGet: 'type.go:168',
  typedList: 'type.go:204',
  scalePatch: 'client.go:232',
  dynamicList: 'simple.go:280',
  raw: 'raw.go:84',
  rawStreamError: 'get.go:174',
} as const;

export type Caller = (typeof caller)[keyof typeof caller];

const utf8 = new TextEncoder();

/**
 * client-go's truncateBody: at -v=8 a body is cut to its first 1024 bytes, at -v=9 to 10240,
 * from -v=10 it is logged whole; what is cut is counted in bytes after the kept part.
 */
export function truncateBody(body: Uint8Array, verbosity: number): Uint8Array {
  if (verbosity >= 10) return body;
  const max = verbosity >= 9 ? 10240 : verbosity >= 8 ? 1024 : 0;
  if (body.length <= max) return body;
  const note = utf8.encode(` [truncated ${body.length - max} chars]`);
  const out = new Uint8Array(max + note.length);
  out.set(body.subarray(0, max));
  out.set(note, max);
  return out;
}

/** `"Request Body" body=...` / `"Response Body" body=...` at -v=8 and above. */
export function logBody(log: Klog, source: Caller, prefix: 'Request Body' | 'Response Body', body: string): void {
  if (!log.enabled(8)) return;
  log.info(8, source, `"${prefix}" body=${klogValue(truncateBody(utf8.encode(body), log.verbosity))}`);
}
