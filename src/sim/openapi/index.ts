// The apiserver's OpenAPI endpoints: /openapi/v3 (an index of hashed group-version URLs),
// /openapi/v3/<group-version> (kube-openapi handler3, with immutable caching for hashed URLs),
// and /openapi/v2. Built-in documents are generated (scripts/gen-openapi.ts) and loaded lazily;
// custom resource documents are built from the served custom kinds.

import type { ClusterContext } from '../context.ts';
import type { KubeObject } from '../types.ts';
import type { JsonMap } from './builder.ts';
import { customGroupVersionDocument, type CustomKind } from './crd.ts';
import { builtInLoaders } from './generated/loaders.ts';
import manifest from './generated/manifest.json' with { type: 'json' };
import { sha512Hex } from './sha512.ts';
import { findKindSchema, unknownFieldErrors } from './strict.ts';
import { swaggerFromV3 } from './v2.ts';

export { crdOpenAPIDocument, customGroupVersionDocument, customKindsOf, customSchemaName } from './crd.ts';
export { strictDecodingError } from './strict.ts';

/** A served document: its JSON bytes and their hash, computed once. */
interface Served {
  body: string;
  hash: string;
}

const builtInHashes: Record<string, string> = Object.fromEntries(Object.entries(manifest).map(([k, v]) => [k, v.hash]));

const builtInCache = new Map<string, Promise<Served>>();
function loadBuiltIn(key: string): Promise<Served> {
  let served = builtInCache.get(key);
  if (!served) {
    served = builtInLoaders[key]().then((m) => ({ body: JSON.stringify(m.default), hash: builtInHashes[key] }));
    builtInCache.set(key, served);
  }
  return served;
}

const parsedCache = new Map<string, Promise<{ components: { schemas: Record<string, unknown> } }>>();
function parsedBuiltIn(key: string) {
  let parsed = parsedCache.get(key);
  if (!parsed) {
    parsed = builtInLoaders[key]().then((m) => m.default as { components: { schemas: Record<string, unknown> } });
    parsedCache.set(key, parsed);
  }
  return parsed;
}

let metaSchemas: Promise<Record<string, unknown>> | undefined;
const loadMetaSchemas = () => (metaSchemas ??= import('./generated/meta.v1.json', { with: { type: 'json' } }).then((m) => m.default as Record<string, unknown>));

const indexKey = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);

/** The custom kinds the registry serves, grouped by their index key. */
function customKinds(ctx: ClusterContext): Map<string, CustomKind[]> {
  const byKey = new Map<string, CustomKind[]>();
  for (const t of ctx.registry.all()) {
    const extra = t as { custom?: boolean; schema?: unknown };
    if (!extra.custom) continue;
    const key = indexKey(t.group, t.version);
    if (key in builtInLoaders) continue;
    const kind: CustomKind = { ...t, schema: extra.schema };
    byKey.set(key, [...(byKey.get(key) ?? []), kind]);
  }
  return byKey;
}

// Custom documents change with their CRDs; cache each by the JSON of its inputs.
const customCache = new Map<string, { inputs: string; served: Served }>();
async function loadCustom(key: string, kinds: CustomKind[]): Promise<Served> {
  const inputs = JSON.stringify(kinds);
  const cached = customCache.get(key);
  if (cached && cached.inputs === inputs) return cached.served;
  const body = JSON.stringify(customGroupVersionDocument(kinds, await loadMetaSchemas()));
  const served = { body, hash: sha512Hex(body) };
  customCache.set(key, { inputs, served });
  return served;
}

/** A served document: its hash (known without loading it, for built-ins) and its body. */
interface DocumentSource {
  hash: () => Promise<string>;
  load: () => Promise<Served>;
}

/** Every group-version document served now, by index key. */
function allDocuments(ctx: ClusterContext): Map<string, DocumentSource> {
  const docs = new Map<string, DocumentSource>();
  for (const key of Object.keys(builtInLoaders)) docs.set(key, { hash: async () => builtInHashes[key], load: () => loadBuiltIn(key) });
  for (const [key, kinds] of customKinds(ctx)) {
    const load = () => loadCustom(key, kinds);
    docs.set(key, { hash: async () => (await load()).hash, load });
  }
  return docs;
}

// Go's http.TimeFormat and time.RFC1123 (the server runs in UTC).
const httpDate = (ms: number) => new Date(ms).toUTCString();
const rfc1123 = (ms: number) => new Date(ms).toUTCString().replace(/GMT$/, 'UTC');

function serveContent(body: string, headers: Record<string, string>, now: number, method: string): Response {
  const h = new Headers(headers);
  h.set('Accept-Ranges', 'bytes');
  h.set('Content-Length', String(new TextEncoder().encode(body).length));
  h.set('Last-Modified', httpDate(now));
  return new Response(method === 'HEAD' ? null : body, { status: 200, headers: h });
}

/** Whether an Accept header admits JSON (the only encoding the sim produces). */
function acceptsJSON(accept: string | null): boolean {
  const clauses = (accept || '*/*').split(',').map((c) => c.split(';')[0].trim().toLowerCase());
  return clauses.some((c) => c === '*/*' || c === 'application/*' || c === 'application/json');
}

async function serveIndex(ctx: ClusterContext, method: string): Promise<Response> {
  const docs = allDocuments(ctx);
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of [...docs.keys()].sort()) {
    const hash = await docs.get(key)!.hash();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  const body = JSON.stringify({ paths });
  return serveContent(body, { 'Content-Type': 'application/json', Etag: `"${sha512Hex(body)}"` }, ctx.clock.now(), method);
}

async function serveGroupVersion(ctx: ClusterContext, url: URL, request: Request): Promise<Response> {
  const key = url.pathname.slice('/openapi/v3/'.length);
  const load = allDocuments(ctx).get(key)?.load;
  if (!acceptsJSON(request.headers.get('Accept'))) return new Response(null, { status: 406, headers: { Vary: 'Accept' } });
  // handler3 writes nothing for a group-version it does not have.
  if (!load) return new Response(null, { status: 200, headers: { Vary: 'Accept' } });
  const { body, hash } = await load();
  const hashParam = url.searchParams.get('hash');
  if (hashParam && hashParam !== hash) {
    const location = `/openapi/v3/${key}?hash=${hash}`;
    return new Response(`<a href="${location}">Moved Permanently</a>.\n\n`, {
      status: 301,
      headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location, Vary: 'Accept', Etag: `"${hash}"` },
    });
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Etag: `"${hash}"`, Vary: 'Accept' };
  if (hashParam) {
    headers['Cache-Control'] = 'public, immutable';
    headers.Expires = rfc1123(ctx.clock.now() + 365 * 24 * 3600 * 1000);
  }
  return serveContent(body, headers, ctx.clock.now(), request.method);
}

let v2Cache: { inputs: string; served: Served } | undefined;

async function serveV2(ctx: ClusterContext, request: Request): Promise<Response> {
  // The real server also speaks the gnostic protobuf client-go asks for; the sim answers JSON only.
  if (!acceptsJSON(request.headers.get('Accept'))) return new Response(null, { status: 406 });
  const docs = allDocuments(ctx);
  // The merged document changes only when a group-version document does: build it once per set.
  const inputs = (await Promise.all([...docs].map(async ([key, d]) => `${key}=${await d.hash()}`))).join(',');
  if (v2Cache?.inputs !== inputs) {
    const parsed: JsonMap[] = [];
    for (const { load } of docs.values()) parsed.push(JSON.parse((await load()).body) as JsonMap);
    const body = JSON.stringify(swaggerFromV3(parsed));
    // The merged document is a function of its inputs, so their hashes identify it: hashing the
    // short list is as good an ETag as hashing megabytes of JSON.
    v2Cache = { inputs, served: { body, hash: sha512Hex(inputs) } };
  }
  const { body, hash } = v2Cache.served;
  return serveContent(body, { 'Content-Type': 'application/json', Etag: `"${hash}"`, Vary: 'Accept' }, ctx.clock.now(), request.method);
}

/** Answer the OpenAPI endpoints; undefined for any other request. */
export async function serveOpenAPI(ctx: ClusterContext, request: Request): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const url = new URL(request.url);
  if (url.pathname === '/openapi/v3' || url.pathname === '/openapi/v3/') return serveIndex(ctx, request.method);
  if (url.pathname.startsWith('/openapi/v3/')) return serveGroupVersion(ctx, url, request);
  if (url.pathname === '/openapi/v2') return serveV2(ctx, request);
  return undefined;
}

/**
 * The unknown fields of an object under strict field validation, worded as the apiserver's
 * strict decoder words them (`unknown field "spec.groupPriorityMinimun"`), in body order.
 * Built-in kinds use the generated schema; a custom kind passes its openAPIV3Schema.
 */
export async function unknownFields(group: string, version: string, kind: string, obj: KubeObject | unknown, customSchema?: unknown): Promise<string[]> {
  const key = indexKey(group, version);
  if (key in builtInLoaders) {
    const doc = await parsedBuiltIn(key);
    const schema = findKindSchema(doc, group, version, kind);
    return schema ? unknownFieldErrors(obj, schema, doc.components.schemas) : [];
  }
  if (customSchema === undefined) return [];
  const doc = customGroupVersionDocument(
    [{ group, version, kind, resource: '', namespaced: false, verbs: [], schema: customSchema }],
    await loadMetaSchemas(),
  ) as { components: { schemas: Record<string, unknown> } };
  const schema = findKindSchema(doc, group, version, kind);
  return schema ? unknownFieldErrors(obj, schema, doc.components.schemas) : [];
}
