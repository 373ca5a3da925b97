// The site's one service worker (public/service-worker.js: offline reading and msw's worker for
// the playground), with the scope it is registered at. Pages and the playground must use the same
// script URL and scope, or the browser would see two registrations fighting over the same pages.

/** The script URL and scope under the site's base path (`/` or `/course/`, trailing slash optional). */
export function siteWorker(base: string): { url: string; scope: string } {
  const scope = base.endsWith('/') ? base : `${base}/`;
  return { url: `${scope}service-worker.js`, scope };
}
