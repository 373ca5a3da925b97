// Work that can wait: run when the page is idle (or after `timeout` ms at the latest); where the
// browser has no requestIdleCallback, after `fallback` ms.
export function whenIdle(fn: () => void, timeout: number, fallback: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout });
  else setTimeout(fn, fallback);
}
