// The site's Content-Security-Policy, in one place. The build (see integration.ts) adds the hashes
// of the inline scripts it finds in the built pages, writes the policy into every page's <head>
// and writes the same policy, plus what only a header can carry, to `_headers` for static hosts.
//
// Anything not listed falls back to `default-src 'none'`: frames, media, objects, manifests.

/** A directive name and its sources. */
export type Directive = readonly [name: string, sources: readonly string[]];

/** The directives every delivery carries; `scriptHashes` are `'sha256-…'` sources. */
function baseDirectives(scriptHashes: readonly string[]): Directive[] {
  return [
    // Deny by default, so a new kind of load fails loudly in the CSP browser test.
    ['default-src', ["'none'"]],
    // Our bundles, Pagefind's scripts and their dynamic imports are files on this origin. The only
    // inline scripts are Starlight's (theme, sidebar, search shortcut, pickers), allowed by hash.
    // 'wasm-unsafe-eval' lets Pagefind compile its search WebAssembly (on the main thread when its
    // worker fails, and in its worker when the policy comes as a header). It allows compiling
    // WebAssembly only: eval and new Function stay blocked ('unsafe-eval' is absent).
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes]],
    // Monaco's theme service and xterm's DOM renderer write computed CSS (theme colours, cell
    // sizes) into <style> elements at run time, and Starlight and Expressive Code emit hundreds of
    // style="" attributes: neither can be hashed ahead of time. CSS cannot run script; the hashes
    // that would otherwise go here must not, as any hash makes browsers ignore 'unsafe-inline'.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Site images and Starlight's and Monaco's data: SVG icons in CSS.
    ['img-src', ["'self'", 'data:']],
    // Monaco's codicon font, served from /_astro/.
    ['font-src', ["'self'"]],
    // Pagefind's index fragments, the editor's schema, and kubectl's requests to the playground
    // clusters, which look like kind endpoints (https://127.0.0.1:6443, the next port for a second
    // cluster; see src/playground/mount.ts) and are answered in the page through the site's service
    // worker (msw's inside it, src/offline/).
    ['connect-src', ["'self'", 'https://127.0.0.1:*']],
    // The site's service worker (offline copy and msw), Monaco's editor and YAML workers and
    // Pagefind's worker: all files on this origin (no blob: workers).
    ['worker-src', ["'self'"]],
    // No page sets <base>; an injected one could redirect every relative script URL.
    ['base-uri', ["'none'"]],
    // Forms (Pagefind's search box) never submit anywhere but here.
    ['form-action', ["'self'"]],
  ];
}

/** Directives a <meta> policy cannot carry (browsers ignore them there, with a console error). */
const HEADER_ONLY_DIRECTIVES: readonly Directive[] = [
  // The course has no reason to be framed by another site (clickjacking).
  ['frame-ancestors', ["'none'"]],
];

function serialise(directives: readonly Directive[]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export function metaPolicy(scriptHashes: readonly string[]): string {
  return serialise(baseDirectives(scriptHashes));
}

/** The policy for the Content-Security-Policy response header: the meta policy and more. */
export function headerPolicy(scriptHashes: readonly string[]): string {
  return serialise([...baseDirectives(scriptHashes), ...HEADER_ONLY_DIRECTIVES]);
}

/** `_headers` (Netlify and Cloudflare Pages) applying the header policy to every path. */
export function headersFile(scriptHashes: readonly string[]): string {
  return `/*\n  Content-Security-Policy: ${headerPolicy(scriptHashes)}\n`;
}
