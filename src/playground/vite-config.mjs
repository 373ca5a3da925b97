// @ts-check
// What the terminal side of the playground needs from Vite, for astro.config.mjs to merge into its
// `vite` key (next to the editor's):
// - tough-cookie (msw's cookie jar, with tldts) replaced by an empty jar: see tough-cookie-stub.ts;
// - msw's in-page fetch/XMLHttpRequest interceptors, never used here, left out: see msw-interceptor-stub.ts;
// - the playground's dependencies pre-bundled, so the dev server does not reload on first visit;
// - a scenario imported with `?scenario` (content/scenarios/NAME.yaml?scenario) becomes its document
//   as JSON, parsed at build time: the page boots a cluster without parsing any YAML (src/sim/scenario.ts
//   takes a scenario file's text or its document; a `base:` stays a reference, resolved in the page).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const toughCookieStub = fileURLToPath(new URL('./tough-cookie-stub.ts', import.meta.url));
const interceptorStub = fileURLToPath(new URL('./msw-interceptor-stub.ts', import.meta.url));

const SCENARIO_QUERY = '?scenario';

/** @returns {import('vite').Plugin} */
function scenarioModules() {
  return {
    name: 'apiservice-lab:scenario',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(`.yaml${SCENARIO_QUERY}`)) return undefined;
      const document = parse(await readFile(id.slice(0, -SCENARIO_QUERY.length), 'utf8'));
      // A string literal parsed by JSON.parse is read faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(document))});`;
    },
  };
}

/** @returns {import('vite').UserConfig} */
export function playgroundViteConfig() {
  return {
    plugins: [scenarioModules()],
    resolve: {
      alias: [
        { find: /^tough-cookie$/, replacement: toughCookieStub },
        { find: /^@mswjs\/interceptors\/(fetch|XMLHttpRequest)$/, replacement: interceptorStub },
      ],
    },
    optimizeDeps: {
      include: ['@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-web-links', 'msw', 'msw/browser', 'yaml', 'shell-quote', 'string-width'],
    },
  };
}
