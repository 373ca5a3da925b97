// When the browser refuses to save (storage full or blocked), the cluster, the editor and the
// history keep working in the page; the playground tells the learner once, discreetly, that a
// reload would lose what is not saved.

const listeners = new Set<() => void>();

/** A save to localStorage failed. */
export function reportStorageFull(): void {
  for (const fn of listeners) fn();
}

export function onStorageFull(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
