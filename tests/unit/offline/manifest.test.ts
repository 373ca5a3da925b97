// The offline manifest written into the built service worker: what it lists, under which paths,
// and that a changed file changes the build's version.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildManifest, writeManifest } from '../../../src/offline/manifest.ts';

let dist: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
};

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'offline-'));
  put('index.html', '<h1>home</h1>');
  put('404.html', '<h1>not found</h1>');
  put('en/lessons/01-why-extend/index.html', '<h1>one</h1>');
  put('_astro/page.abc123.js', 'console.log(1)');
  put('pagefind/pagefind-entry.json', '{}');
  put('mockServiceWorker.js', '// msw');
  put('_headers', '/*\n  Content-Security-Policy: default-src \'none\'\n');
  put('service-worker.js', readFileSync('public/service-worker.js', 'utf8'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('buildManifest', () => {
  it('lists every file but the worker scripts and the host\'s _headers, pages by their directory URL, sorted', () => {
    const { files } = buildManifest(dist);
    expect(files.map(([path]) => path)).toEqual(['', '404.html', '_astro/page.abc123.js', 'en/lessons/01-why-extend/', 'pagefind/pagefind-entry.json']);
    for (const [, hash] of files) expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a new version when one file changes, and the same one when nothing does', () => {
    const before = buildManifest(dist);
    expect(buildManifest(dist)).toEqual(before);
    put('en/lessons/01-why-extend/index.html', '<h1>one, rewritten</h1>');
    const after = buildManifest(dist);
    expect(after.version).not.toBe(before.version);
    const changed = after.files.filter(([path, hash]) => before.files.find(([p]) => p === path)?.[1] !== hash);
    expect(changed.map(([path]) => path)).toEqual(['en/lessons/01-why-extend/']);
  });
});

describe('writeManifest', () => {
  it('puts the manifest into the built worker, and replaces it on a later run', () => {
    const first = writeManifest(dist);
    const code = () => readFileSync(join(dist, 'service-worker.js'), 'utf8');
    expect(code()).toContain(`const OFFLINE_MANIFEST = ${JSON.stringify(first)};`);
    expect(code()).not.toContain('const OFFLINE_MANIFEST = null;');
    put('404.html', '<h1>gone</h1>');
    const second = writeManifest(dist);
    expect(second.version).not.toBe(first.version);
    expect(code().match(/const OFFLINE_MANIFEST = /g)).toHaveLength(1);
    expect(code()).toContain(JSON.stringify(second));
    // msw's worker is still imported after the caching listeners.
    expect(code().trimEnd().endsWith("importScripts('./mockServiceWorker.js');")).toBe(true);
  });

  it('refuses a worker without the manifest line', () => {
    put('service-worker.js', '// no manifest here');
    expect(() => writeManifest(dist)).toThrow(/OFFLINE_MANIFEST/);
  });
});
