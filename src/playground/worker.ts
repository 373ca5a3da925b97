// How kubectl's requests reach the in-page clusters: msw's service worker, so each one is a real
// fetch the browser's network panel shows, or, when the worker cannot start (no service workers,
// blocked, private mode, file://), a direct call of the cluster's handler in the page.
//
// One worker per page, one catch-all handler: a request whose origin belongs to a cluster of this
// page is answered by that cluster; anything else passes through untouched. The worker is the
// site's own (src/offline/site-worker.ts: msw's worker inside the offline one), under the site's
// base path, so the site works from a sub-folder.
import { siteWorker } from '../offline/site-worker.ts';

export type Handler = (request: Request) => Promise<Response>;

export interface ClusterConnection {
  mode: 'worker' | 'page';
  /** What kubectl calls: the page's fetch (through the worker), or the handler itself. */
  fetch: Handler;
  /** Why the worker is not used, for the discreet notice. */
  reason?: string;
}

const origins = new Map<string, Handler>();
let started: Promise<{ ok: true } | { ok: false; reason: string }> | undefined;


function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/**
 * Every page registers the site's worker as it loads. msw reloads a page that such a worker does
 * not control yet, so when this page came before the worker, wait for the worker to claim it.
 * A page the active worker does not control (a hard reload) is left to msw: that reload is right.
 * A page our worker already controls (a reload, a repeat visit) does not register again: register()
 * waits for the browser's update check, a network fetch of the worker's scripts that can queue for
 * seconds behind the first visit's offline copy (register.ts runs that check anyway).
 */
async function untilControlled(url: string, scope: string): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller?.scriptURL === new URL(url, location.href).href) return;
  const claimed = new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
  const registration = await container.register(url, { scope });
  if (container.controller || registration.active?.state === 'activated') return;
  await claimed;
}

async function startWorker(base: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (location.protocol === 'file:') return { ok: false, reason: 'file:// pages cannot use service workers' };
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return { ok: false, reason: 'service workers are not available' };
  try {
    const [{ setupWorker }, { http }] = await Promise.all([import('msw/browser'), import('msw')]);
    const worker = setupWorker(
      http.all('*', ({ request }) => {
        const handler = origins.get(new URL(request.url).origin);
        return handler ? handler(request) : undefined;
      }),
    );
    const { url, scope } = siteWorker(base);
    await withTimeout(untilControlled(url, scope), 10_000, 'installing the service worker');
    await withTimeout(
      worker.start({ serviceWorker: { url, options: { scope } }, quiet: true, onUnhandledFrame: 'bypass' }),
      10_000,
      'starting the service worker',
    );
    // Only a controlled page sends its requests to the worker; otherwise they would go to the network.
    if (!navigator.serviceWorker.controller) {
      await worker.stop();
      return { ok: false, reason: 'the service worker does not control this page' };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Starts the page's service worker (once), e.g. while a cluster boots; connect() waits for it. */
export function startServiceWorker(base: string): void {
  started ??= startWorker(base);
}

/** Serves `origin` (e.g. `https://127.0.0.1:6443`) with `handler` and says how kubectl reaches it. */
export async function connect(origin: string, handler: Handler, base: string): Promise<ClusterConnection> {
  origins.set(origin, handler);
  started ??= startWorker(base);
  const result = await started;
  if (!result.ok) return { mode: 'page', fetch: handler, reason: result.reason };
  // The worker answers with the page's handler; check the whole path once before trusting it.
  try {
    const probe = await withTimeout(fetch(`${origin}/healthz`, { cache: 'no-store' }), 5_000, 'the health check');
    if (probe.ok && (await probe.text()) === 'ok') return { mode: 'worker', fetch: (request) => fetch(request) };
    return { mode: 'page', fetch: handler, reason: `health check answered ${probe.status}` };
  } catch (error) {
    return { mode: 'page', fetch: handler, reason: error instanceof Error ? error.message : String(error) };
  }
}
