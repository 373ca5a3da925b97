// The part of k8s.io/apiserver's GenericAPIServer that a read-only extension API server uses: one
// group/version of computed resources (rest.Getter + rest.Lister + rest.TableConvertor, nothing
// else), discovery, content negotiation (JSON or a meta.k8s.io Table), label and field selectors,
// and the errors go-restful and the REST handlers give. metrics-server and the course's custom API
// server are both built on it, as the real ones are built on k8s.io/apiserver.
//
// Like the real servers it only ever sees requests the aggregator forwards: the path unchanged,
// the caller named by X-Remote-User / X-Remote-Group.

import type { Clock } from '../clock.ts';
import type { FetchHandler } from '../context.ts';
import { badRequest, isApiError, methodNotSupported, resourceNotFound, type ApiError, type Status } from '../errors.ts';
import { parseLabelSelector } from '../apiserver/selectors.ts';
import type { ObjectMeta } from '../types.ts';

/** An object as a list holds it: metadata and the kind's own fields, no kind/apiVersion. */
export interface ItemObject {
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableConversion {
  /** null when there is nothing to describe, which is what metrics-server's printers leave for an empty list. */
  columnDefinitions: TableColumnDefinition[] | null;
  rows: unknown[][];
}

/** One served resource whose objects are computed on read (the REST storage of a read-only server). */
export interface ReadOnlyStorage {
  resource: string;
  kind: string;
  /** Empty when the storage does not name one (metrics-server's GetSingularName returns ""). */
  singularName: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** rest.Lister: the objects of one namespace, or of all when `namespace` is ''. In response order. */
  list(namespace: string): ItemObject[];
  /** rest.Getter: the object, or an ApiError (NotFound) thrown. */
  get(namespace: string, name: string): ItemObject;
  /** rest.TableConvertor. */
  convertToTable(items: ItemObject[], now: number): TableConversion;
}

export interface GenericApiServerConfig {
  group: string;
  version: string;
  storages: ReadOnlyStorage[];
  clock: Clock;
  /**
   * Answers may be served again from memory while this returns the same value: the servers
   * compute from the cluster and the clock, so they know when their answers can change.
   */
  cacheToken?: () => string;
}

const jsonType = 'application/json';
const aggregatedDiscoveryType = (v: string) => `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;

type Representation = { as: 'object' } | { as: 'Table'; version: 'v1' | 'v1beta1' } | { as: 'APIGroupDiscoveryList'; version: 'v2' | 'v2beta1' };

/**
 * The first media type in Accept this server can produce. Protobuf is asked for first by metrics
 * clients; like a JSON-only server we skip it and answer the `*\/*` or `application/json` that follows.
 */
export function negotiate(accept: string | null): Representation {
  for (const clause of (accept ?? '').split(',')) {
    const [type, ...paramParts] = clause.split(';').map((p) => p.trim());
    const params: Record<string, string> = {};
    for (const p of paramParts) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
    }
    if (type !== jsonType && type !== 'application/*' && type !== '*/*') continue;
    if (params.as === undefined) return { as: 'object' };
    if (params.as === 'Table' && params.g === 'meta.k8s.io' && (params.v === 'v1' || params.v === 'v1beta1')) {
      return { as: 'Table', version: params.v };
    }
    if (params.as === 'APIGroupDiscoveryList' && params.g === 'apidiscovery.k8s.io' && (params.v === 'v2' || params.v === 'v2beta1')) {
      return { as: 'APIGroupDiscoveryList', version: params.v };
    }
  }
  return { as: 'object' };
}

interface Answer {
  status: number;
  contentType: string;
  body: Uint8Array;
  etag?: string;
}

const encoder = new TextEncoder();

const json = (value: unknown, status = 200, contentType = jsonType): Answer => ({
  status,
  contentType,
  body: encoder.encode(JSON.stringify(value) + '\n'),
});

const statusAnswer = (s: Status): Answer => json(s, s.code);

/** go-restful found no route for the path (ServiceErrorHandler → NewGenericServerResponse(404)). */
const noRoute = () => statusAnswer(resourceNotFound().status);

/** go-restful found the path but not the method: 405 with the generic message and empty details. */
const methodNotAllowed = (): Answer =>
  statusAnswer({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server does not allow this method on the requested resource',
    reason: 'MethodNotAllowed',
    details: {},
    code: 405,
  });

/** The final not-found handler, for paths outside any installed API. */
const pageNotFound = (): Answer => ({ status: 404, contentType: 'text/plain; charset=utf-8', body: encoder.encode('404 page not found\n') });

/** fields.Selector over the only fields these kinds convert: metadata.name and metadata.namespace. */
function parseFieldSelector(text: string | null): (meta: ObjectMeta) => boolean {
  if (!text || !text.trim()) return () => true;
  const terms = text.split(',').map((term) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const [, field, op, value] = m;
    if (field !== 'metadata.name' && field !== 'metadata.namespace') {
      throw badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
    return { field, value, negate: op === '!=' };
  });
  return (meta) =>
    terms.every((t) => ((t.field === 'metadata.name' ? meta.name : meta.namespace) ?? '') === t.value !== t.negate);
}

function fnv1aHex(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function createGenericApiServer(config: GenericApiServerConfig): FetchHandler {
  const { group, version, storages, clock } = config;
  const groupVersion = `${group}/${version}`;
  const groupPath = `/apis/${group}`;
  const versionPath = `${groupPath}/${version}`;
  const byResource = new Map(storages.map((s) => [s.resource, s]));
  const versionRef = { groupVersion, version };

  const apiGroup = { name: group, versions: [versionRef], preferredVersion: versionRef };
  const discovery = {
    group: json({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup }),
    groupList: json({ kind: 'APIGroupList', apiVersion: 'v1', groups: [apiGroup] }),
    resourceList: json({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion,
      resources: storages.map((s) => ({
        name: s.resource,
        singularName: s.singularName,
        namespaced: s.namespaced,
        kind: s.kind,
        verbs: ['get', 'list'],
        ...(s.shortNames?.length ? { shortNames: s.shortNames } : {}),
        ...(s.categories?.length ? { categories: s.categories } : {}),
      })),
    }),
    aggregated: (v: 'v2' | 'v2beta1'): Answer => {
      const doc = {
        kind: 'APIGroupDiscoveryList',
        apiVersion: `apidiscovery.k8s.io/${v}`,
        metadata: {},
        items: [
          {
            metadata: { name: group, creationTimestamp: null },
            versions: [
              {
                version,
                resources: storages.map((s) => ({
                  resource: s.resource,
                  responseKind: { group: '', version: '', kind: s.kind },
                  scope: s.namespaced ? 'Namespaced' : 'Cluster',
                  singularResource: s.singularName,
                  verbs: ['get', 'list'],
                  ...(s.shortNames?.length ? { shortNames: s.shortNames } : {}),
                  ...(s.categories?.length ? { categories: s.categories } : {}),
                })),
                freshness: 'Current',
              },
            ],
          },
        ],
      };
      const answer = json(doc, 200, aggregatedDiscoveryType(v));
      answer.etag = `"${fnv1aHex(JSON.stringify(doc))}"`;
      return answer;
    },
  };

  const ok = (text: string): Answer => ({ status: 200, contentType: 'text/plain; charset=utf-8', body: encoder.encode(text) });

  function table(storage: ReadOnlyStorage, items: ItemObject[], repr: { version: string }, includeObject: string | null): unknown {
    const { columnDefinitions, rows } = storage.convertToTable(items, clock.now());
    const metaVersion = `meta.k8s.io/${repr.version}`;
    return {
      kind: 'Table',
      apiVersion: metaVersion,
      metadata: {},
      columnDefinitions,
      rows: items.length === 0 && columnDefinitions === null ? null : rows.map((cells, i) => ({ cells, object: rowObject(storage, items[i], metaVersion, includeObject) })),
    };
  }

  function rowObject(storage: ReadOnlyStorage, item: ItemObject, metaVersion: string, includeObject: string | null): unknown {
    if (includeObject === 'None') return null;
    if (includeObject === 'Object') return { kind: storage.kind, apiVersion: groupVersion, ...item };
    return { kind: 'PartialObjectMetadata', apiVersion: metaVersion, metadata: item.metadata };
  }

  function serveResource(request: Request, url: URL, parts: string[]): Answer {
    // parts: [resource] | [resource, name] | ['namespaces', ns, resource] | ['namespaces', ns, resource, name]
    let namespace = '';
    let rest = parts;
    if (parts[0] === 'namespaces' && parts.length >= 3) {
      namespace = parts[1];
      rest = parts.slice(2);
    }
    const storage = byResource.get(rest[0]);
    if (!storage || rest.length > 2) return noRoute();
    const named = rest.length === 2;
    // Routes exist for the cluster-wide list of a namespaced kind, and only namespaced paths otherwise.
    if (storage.namespaced ? named && !namespace : namespace !== '') return noRoute();
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed();

    const repr = negotiate(request.headers.get('Accept'));
    const includeObject = url.searchParams.get('includeObject');
    if (named) {
      const item = storage.get(namespace, rest[1]);
      if (repr.as === 'Table') return json(table(storage, [item], repr, includeObject));
      return json({ kind: storage.kind, apiVersion: groupVersion, ...item });
    }
    const watch = url.searchParams.get('watch');
    if (watch === 'true' || watch === '1') throw methodNotSupported({ group, resource: storage.resource }, 'watch');
    const matchesLabels = parseLabelSelector(url.searchParams.get('labelSelector'));
    const matchesFields = parseFieldSelector(url.searchParams.get('fieldSelector'));
    const items = storage.list(namespace).filter((item) => matchesLabels(item.metadata.labels) && matchesFields(item.metadata));
    if (repr.as === 'Table') return json(table(storage, items, repr, includeObject));
    return json({ kind: `${storage.kind}List`, apiVersion: groupVersion, metadata: {}, items });
  }

  function route(request: Request, url: URL): Answer {
    const path = url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return ok('ok');
    if (path === '/apis') {
      if (request.method !== 'GET') return methodNotAllowed();
      const repr = negotiate(request.headers.get('Accept'));
      return repr.as === 'APIGroupDiscoveryList' ? discovery.aggregated(repr.version) : discovery.groupList;
    }
    if (path === groupPath) return request.method === 'GET' ? discovery.group : methodNotAllowed();
    if (path === versionPath) return request.method === 'GET' ? discovery.resourceList : methodNotAllowed();
    if (path.startsWith(versionPath + '/')) {
      const parts = path.slice(versionPath.length + 1).split('/').map(decodeURIComponent);
      try {
        return serveResource(request, url, parts);
      } catch (e) {
        if (isApiError(e)) return statusAnswer((e as ApiError).status);
        throw e;
      }
    }
    if (path.startsWith(groupPath + '/')) return noRoute();
    return pageNotFound();
  }

  let cachedFor: string | undefined;
  const cache = new Map<string, Answer>();
  const cacheLimit = 512;

  function answer(request: Request): Answer {
    const token = config.cacheToken?.();
    if (token === undefined) return route(request, new URL(request.url));
    if (token !== cachedFor) {
      cache.clear();
      cachedFor = token;
    }
    const key = `${request.method} ${request.url} ${request.headers.get('Accept') ?? ''}`;
    let found = cache.get(key);
    if (!found) {
      found = route(request, new URL(request.url));
      if (cache.size >= cacheLimit) cache.clear();
      cache.set(key, found);
    }
    return found;
  }

  return async (request) => {
    const a = answer(request);
    const headers: [string, string][] = [['Content-Type', a.contentType]];
    if (a.contentType.startsWith('text/plain')) headers.push(['X-Content-Type-Options', 'nosniff']);
    if (a.etag) headers.push(['ETag', a.etag]);
    return new Response(request.method === 'HEAD' ? null : (a.body as BodyInit), { status: a.status, headers });
  };
}
