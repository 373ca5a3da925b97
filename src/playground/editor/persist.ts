// The learner's edits, kept per playground in localStorage on every change, so a reload (or a
// crash) never loses them. A file the lesson no longer ships is dropped; a new one starts fresh.

import type { PlaygroundFile } from '../store.ts';
import { setItem, storage } from '../../lib/storage.ts';

const prefix = 'apiservice-lab:editor:';

export interface SavedFiles {
  /** The lesson's original text of each file when it was saved, to notice a lesson's update. */
  original: Record<string, string>;
  content: Record<string, string>;
}

export function load(key: string, files: readonly PlaygroundFile[]): PlaygroundFile[] {
  let saved: SavedFiles | undefined;
  try {
    const text = storage()?.getItem(prefix + key);
    saved = text ? (JSON.parse(text) as SavedFiles) : undefined;
  } catch {
    saved = undefined;
  }
  return files.map((f) => {
    const content = saved?.content?.[f.name];
    // Only keep edits made to the same original: a lesson that changed its file starts over.
    if (typeof content === 'string' && saved?.original?.[f.name] === f.content) return { name: f.name, content };
    return f;
  });
}

export function save(key: string, originals: readonly PlaygroundFile[], current: ReadonlyMap<string, string>): void {
  const data: SavedFiles = { original: {}, content: {} };
  for (const f of originals) {
    data.original[f.name] = f.content;
    data.content[f.name] = current.get(f.name) ?? f.content;
  }
  // Quota or blocked storage: the edits still live in the page.
  setItem(prefix + key, JSON.stringify(data));
}

export function clear(key: string): void {
  try {
    storage()?.removeItem(prefix + key);
  } catch {
    // nothing saved
  }
}
