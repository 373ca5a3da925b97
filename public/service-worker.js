/* The site's service worker, registered by every page under the site's base path.
 *
 * - Offline reading: once a page asks (after the first visit), every built file is copied into a
 *   cache named after the build; pages and files are then served from the network when it
 *   answers and from that cache when it does not. Hashed assets (_astro/) come from the cache first.
 * - The playground's cluster: msw's worker, imported unchanged below (regenerate it with
 *   `npx msw init public`), answers the requests for the simulated cluster's origin through the page.
 *
 * Only one service worker controls a page, so both live here. The listeners below are added
 * before msw's: the site's own GET requests stop here and never reach msw, which only ever sees
 * requests for other origins (the cluster's) and non-GET requests.
 */

// Written by the build (src/offline/manifest.ts): { version, files: [[path, sha256], ...] }, paths
// relative to the scope. Left null outside a build (the dev server): nothing is cached then.
const OFFLINE_MANIFEST = null;

const CACHE_PREFIX = 'apiservice-lab:';
const SCOPE = self.registration.scope;
const CACHE_NAME = OFFLINE_MANIFEST && `${CACHE_PREFIX}${SCOPE}:${OFFLINE_MANIFEST.version}`;
const HASH_HEADER = 'x-offline-sha256';
const ASSETS = new URL('_astro/', SCOPE).href;

let currentCache;

/** The current build's cache, opened once. */
function buildCache() {
  currentCache ??= caches.open(CACHE_NAME).catch((error) => {
    currentCache = undefined;
    throw error;
  });
  return currentCache;
}

/** Earlier builds' caches for this scope (left until this build's copy is complete). */
async function olderCaches() {
  const names = (await caches.keys()).filter((name) => name.startsWith(`${CACHE_PREFIX}${SCOPE}:`) && name !== CACHE_NAME);
  return Promise.all(names.map((name) => caches.open(name)));
}

/** The cache key of a request: no query or fragment, pages by their directory URL. */
function cacheKey(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  if (key.pathname.endsWith('/index.html')) key.pathname = key.pathname.slice(0, -'index.html'.length);
  else if (!key.pathname.endsWith('/') && !key.pathname.split('/').pop().includes('.')) key.pathname += '/';
  return key.href;
}

async function fromCache(url) {
  const key = cacheKey(url);
  const hit = await (await buildCache()).match(key);
  if (hit) return hit;
  // Not (yet) in this build's copy: an earlier build's may have it.
  for (const cache of await olderCaches()) {
    const older = await cache.match(key);
    if (older) return older;
  }
  return undefined;
}

async function offlineAnswer(request) {
  const cached = await fromCache(request.url);
  if (cached) return cached;
  if (request.mode === 'navigate') {
    const notFound = await fromCache(new URL('404.html', SCOPE).href);
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
  }
  return Response.error();
}

async function respond(request) {
  if (request.url.startsWith(ASSETS)) {
    const cached = await fromCache(request.url);
    if (cached) return cached;
  }
  try {
    return await fetch(request);
  } catch {
    return offlineAnswer(request);
  }
}

/** A response stored with its build hash, so a later build can reuse it when the file is unchanged. */
async function withHash(response, hash) {
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, hash);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/** Copies the build's files into its cache (unchanged ones from an earlier build's cache). */
async function precache() {
  const cache = await buildCache();
  const stored = new Set((await cache.keys()).map((request) => request.url));
  const missing = OFFLINE_MANIFEST.files.filter(([path]) => !stored.has(new URL(path, SCOPE).href));
  const older = await olderCaches();
  let failed = 0;
  // A few at a time, so the first visit does not crowd out the page's own requests: the browser
  // opens 6 connections per host, and the pages' register() waits for a fetch of this script.
  const queue = [...missing];
  const copyNext = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const [path, hash] = entry;
      const url = new URL(path, SCOPE).href;
      try {
        let response;
        for (const old of older) {
          const hit = await old.match(url);
          if (hit && hit.headers.get(HASH_HEADER) === hash) {
            response = hit;
            break;
          }
        }
        response ??= await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${response.status}`);
        await cache.put(url, await withHash(response, hash));
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, copyNext));
  if (failed > 0) return false;
  // The new build is complete: earlier builds' caches are no longer needed.
  for (const name of await caches.keys()) {
    if (name.startsWith(`${CACHE_PREFIX}${SCOPE}:`) && name !== CACHE_NAME) await caches.delete(name);
  }
  return true;
}

let precaching;

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'offline:precache') return;
  // Ours, not msw's.
  event.stopImmediatePropagation();
  const port = event.ports[0];
  if (!OFFLINE_MANIFEST) {
    port?.postMessage({ ready: false, version: null });
    return;
  }
  precaching ??= precache().finally(() => (precaching = undefined));
  event.waitUntil(
    precaching.then(
      (ready) => port?.postMessage({ ready, version: OFFLINE_MANIFEST.version }),
      () => port?.postMessage({ ready: false, version: OFFLINE_MANIFEST.version }),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  if (!OFFLINE_MANIFEST) return;
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  // DevTools' "only-if-cached" requests cannot be answered by a worker.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.stopImmediatePropagation();
  event.respondWith(respond(request));
});

// msw's worker unregisters itself when its last page closes; this worker also keeps the site
// readable offline, so it stays registered.
Object.defineProperty(self.registration, 'unregister', { value: async () => false });

importScripts('./mockServiceWorker.js');
