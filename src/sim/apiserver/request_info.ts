// apiserver's RequestInfoFactory: what a URL and method ask for. A resource request names an API
// group/version, maybe a namespace, a resource, maybe a name and a subresource.

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  /** Kubernetes verb: get, list, create, update, patch, delete, deletecollection, watch, or the lower-cased HTTP method. */
  verb: string;
  apiPrefix: 'api' | 'apis' | '';
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  parts: string[];
}

/** Percent-decoding that, like Go's, keeps bytes that are not valid UTF-8 instead of failing. */
function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const verbs: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export function requestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const segments: string[] = [];
  for (const s of path.split('/')) if (s !== '') segments.push(decodeSegment(s));
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb: method.toLowerCase(),
    apiPrefix: '',
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  const prefix = segments[0];
  if (prefix !== 'api' && prefix !== 'apis') return info;
  info.apiPrefix = prefix;
  // Index of the first segment after the prefix (and the group, under /apis).
  let at = 1;
  if (prefix === 'apis') {
    if (segments.length <= at) return info;
    info.apiGroup = segments[at++];
  }
  if (segments.length <= at) return info;
  info.apiVersion = segments[at++];
  if (segments.length <= at) return info;
  info.isResourceRequest = true;

  let rest = segments.slice(at);
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    // /namespaces/<name> and /namespaces/<name>/status address the Namespace itself.
    if (rest.length > 2 && rest[2] !== 'finalize' && rest[2] !== 'status') rest = rest.slice(2);
  }
  info.parts = rest;
  if (rest.length >= 3) info.subresource = rest[2];
  if (rest.length >= 2) info.name = rest[1];
  info.resource = rest[0];
  if (info.resource === 'namespaces' && !info.name && info.namespace) {
    info.name = info.namespace;
  }
  if (info.resource === 'namespaces') info.namespace = '';

  const method_ = method.toUpperCase();
  info.verb = verbs[method_] ?? method_.toLowerCase();
  if (info.verb === 'get' && !info.name) info.verb = url.search !== '' && url.searchParams.get('watch') === 'true' ? 'watch' : 'list';
  if (info.verb === 'delete' && !info.name) info.verb = 'deletecollection';
  return info;
}
