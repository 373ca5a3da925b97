// The offline manifest: every file of a build with a hash of its content, written into the built
// service worker. A new build changes the worker's bytes, so browsers install it, and it fills a
// new cache (copying the files whose hash did not change from the previous one).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const WORKER_FILE = 'service-worker.js';
/**
 * Service worker scripts are kept by the browser itself, not in the site's cache; `_headers` is the
 * host's configuration (src/csp/), which hosts read and do not serve: fetching it would fail.
 */
const NOT_CACHED = new Set([WORKER_FILE, 'mockServiceWorker.js', '_headers']);
const MANIFEST_LINE = /^const OFFLINE_MANIFEST = .*;$/m;

export interface OfflineManifest {
  /** Changes whenever any file's path or content does. */
  version: string;
  /** [path relative to the site's base, sha256 prefix], sorted by path. */
  files: [string, string][];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The URL path (relative to the base) a built file is served at: pages by their directory. */
function servedPath(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

export function buildManifest(dist: string): OfflineManifest {
  const files = filesUnder(dist)
    .map((file) => [relative(dist, file).split(sep).join('/'), file] as const)
    .filter(([path]) => !NOT_CACHED.has(path) && !path.endsWith('.map'))
    .map(([path, file]): [string, string] => [servedPath(path), sha256(readFileSync(file))])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { version: sha256(JSON.stringify(files)), files };
}

/** Writes the manifest of `dist` into its service worker (again, after a change, if need be). */
export function writeManifest(dist: string): OfflineManifest {
  const manifest = buildManifest(dist);
  const file = join(dist, WORKER_FILE);
  const code = readFileSync(file, 'utf8');
  if (!MANIFEST_LINE.test(code)) throw new Error(`${file} has no \`const OFFLINE_MANIFEST = ...;\` line`);
  writeFileSync(file, code.replace(MANIFEST_LINE, () => `const OFFLINE_MANIFEST = ${JSON.stringify(manifest)};`));
  return manifest;
}
