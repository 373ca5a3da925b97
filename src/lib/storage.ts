// localStorage as the pages use it. The browser may refuse it altogether (privacy modes, sandboxed
// frames) or refuse a save (quota): what is not saved then lives as long as the page, and a
// refused save is reported once per save, so the playground can tell the learner, discreetly,
// that a reload would lose it.

const fullListeners = new Set<() => void>();

/** The page's localStorage, or undefined when the browser refuses it. */
export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Saves `value` under `key` in `target`; false when there is no storage or it refused (reported). */
export function setItemIn(target: Storage | undefined, key: string, value: string): boolean {
  if (!target) return false;
  try {
    target.setItem(key, value);
    return true;
  } catch {
    for (const fn of fullListeners) fn();
    return false;
  }
}

/** Saves `value` under `key` in the page's localStorage; false when it could not (see setItemIn). */
export function setItem(key: string, value: string): boolean {
  return setItemIn(storage(), key, value);
}

/** Called after each save the browser refused. Returns an unsubscribe. */
export function onStorageFull(fn: () => void): () => void {
  fullListeners.add(fn);
  return () => fullListeners.delete(fn);
}
