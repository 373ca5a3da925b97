// Every page: registers the site's service worker, then asks it to keep the whole built site for
// offline reading. When it has, <html data-offline="VERSION"> names the build it holds. Where
// service workers are unavailable or blocked, nothing happens: the site works online as before.
import { siteWorker } from './site-worker.ts';

function askToKeepSite(worker: ServiceWorker): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<{ ready: boolean; version: string | null }>) => {
    if (data.ready && data.version) document.documentElement.dataset.offline = data.version;
    channel.port1.close();
  };
  worker.postMessage({ type: 'offline:precache' }, [channel.port2]);
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  const { url, scope } = siteWorker(import.meta.env.BASE_URL);
  navigator.serviceWorker
    .register(url, { scope })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active && askToKeepSite(registration.active))
    .catch(() => undefined);
  // A new build's worker takes over at once: it fills its own cache.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const controller = navigator.serviceWorker.controller;
    if (controller) askToKeepSite(controller);
  });
}
