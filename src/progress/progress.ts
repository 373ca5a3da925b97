// The learner's progress through the course: which exercises are done, in localStorage under
// `apiservice-lab:progress` as `{"version":1,"done":{"<lesson slug>#<exercise id>":"<ISO time>"}}`.
// The lesson slug has no locale (`lessons/09-summary-challenge`), so both languages share it.
// Storage may be refused (privacy modes), full, or hold something unreadable: progress then lives
// in memory for the page, and a corrupted value is read as no progress.

import { setItem, storage } from '../lib/storage.ts';

export const PROGRESS_KEY = 'apiservice-lab:progress';
/** Dispatched on window when progress changes in this page. */
export const PROGRESS_EVENT = 'apiservice-lab:progress-change';

export interface Progress {
  version: 1;
  /** Exercise key → when it was first done. */
  done: Record<string, string>;
}

export const exerciseKey = (lesson: string, exercise: string): string => `${lesson}#${exercise}`;

/** A page's slug without its locale folder (`en/lessons/01-why-extend` → `lessons/01-why-extend`); `locale` is the route's (none for the root locale). */
export const lessonSlug = (id: string, locale: string | undefined): string => (locale && id.startsWith(`${locale}/`) ? id.slice(locale.length + 1) : id);

/** Progress this page recorded but could not store. */
let unsaved: Record<string, string> = {};

function stored(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(PROGRESS_KEY) ?? 'null');
    if (!parsed || typeof parsed !== 'object') return {};
    const { version, done } = parsed as { version?: unknown; done?: unknown };
    if (version !== 1 || !done || typeof done !== 'object' || Array.isArray(done)) return {};
    return Object.fromEntries(Object.entries(done).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function readProgress(): Progress {
  return { version: 1, done: { ...stored(), ...unsaved } };
}

function announce(): void {
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** Records an exercise as done (once: the first time is kept). Returns whether it is new. */
export function markDone(key: string, at: Date = new Date()): boolean {
  const progress = readProgress();
  if (progress.done[key]) return false;
  progress.done[key] = at.toISOString();
  if (setItem(PROGRESS_KEY, JSON.stringify(progress))) delete unsaved[key];
  else unsaved[key] = progress.done[key];
  announce();
  return true;
}

/** Forgets every done exercise. */
export function clearProgress(): void {
  unsaved = {};
  try {
    storage()?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing stored to forget
  }
  announce();
}
