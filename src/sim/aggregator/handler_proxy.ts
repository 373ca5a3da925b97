// kube-aggregator's proxyHandler (handler_proxy.go): requests for a group/version whose
// APIService names a Service go to the extension server behind it, as the cluster admin, with the
// authenticating headers replaced by X-Remote-User / X-Remote-Group. An APIService that is not
// Available answers 503 "service unavailable" in plain text, as http.Error writes it.

import type { ResolvedBackend } from './resolver.ts';
import { isAPIServiceAvailable } from '../apiregistration/helpers.ts';
import { plainTextError } from '../apiserver/response.ts';
import type { KubeObject } from '../types.ts';

export interface ProxyUser {
  name: string;
  groups: string[];
}


/** Headers a client may not pass through to a backend: its credentials and any forged identity. */
function forwardedHeaders(incoming: Headers, user: ProxyUser): [string, string][] {
  const out: [string, string][] = [];
  incoming.forEach((value, key) => {
    // Header names arrive lower-cased from the Fetch API.
    if (key === 'authorization' || key.startsWith('impersonate-') || key.startsWith('x-remote-') || key === 'host' || key === 'connection') return;
    out.push([key, value]);
  });
  out.push(['X-Remote-User', user.name]);
  for (const g of user.groups) out.push(['X-Remote-Group', g]);
  out.push(['X-Forwarded-For', '127.0.0.1']);
  return out;
}

// The forwarded form of a bodiless request, by method, target and headers: clients repeat the same
// reads (kubectl top, discovery), and a Request without a body can be handed to a backend again,
// since backends only read it.
const forwardedReads = new Map<string, Request>();
const forwardedReadsLimit = 256;

function forwardedRequest(method: string, target: string, headers: [string, string][]): Request {
  let key = `${method} ${target}`;
  for (const [name, value] of headers) key += `\n${name}: ${value}`;
  let forwarded = forwardedReads.get(key);
  if (!forwarded) {
    forwarded = new Request(target, { method, headers });
    if (forwardedReads.size >= forwardedReadsLimit) forwardedReads.clear();
    forwardedReads.set(key, forwarded);
  }
  return forwarded;
}

export async function proxyToAPIService(
  apiService: KubeObject,
  request: Request,
  url: URL,
  resolve: () => ResolvedBackend,
  user: ProxyUser,
): Promise<Response> {
  if (!isAPIServiceAvailable(apiService)) return plainTextError('service unavailable', 503);
  const backend = resolve();
  // An unresolvable Service is the plain "service unavailable"; a failed dial carries its error text.
  if (!backend.ok) return plainTextError(backend.phase === 'resolve' ? 'service unavailable' : backend.error, 503);
  // The path goes through unchanged; the query is re-encoded, which sorts it.
  let search = '';
  if (url.search) {
    const query = new URLSearchParams(url.search);
    query.sort();
    search = `?${query}`;
  }
  const target = backend.url + url.pathname + search;
  const headers = forwardedHeaders(request.headers, user);
  const bodiless = request.method === 'GET' || request.method === 'HEAD';
  const forwarded = bodiless
    ? forwardedRequest(request.method, target, headers)
    : new Request(target, { method: request.method, headers, body: await request.text() });
  try {
    return await backend.handler(forwarded);
  } catch (e) {
    return plainTextError(`Error trying to reach service: '${(e as Error).message}'`, 503);
  }
}
