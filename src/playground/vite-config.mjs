// @ts-check
// What the terminal side of the playground needs from Vite, for astro.config.mjs to merge into its
// `vite` key (next to the editor's):
// - tough-cookie (msw's cookie jar, with tldts) replaced by an empty jar: see tough-cookie-stub.ts;
// - msw's in-page fetch/XMLHttpRequest interceptors, never used here, left out: see msw-interceptor-stub.ts;
// - the playground's dependencies pre-bundled, so the dev server does not reload on first visit.
import { fileURLToPath } from 'node:url';

const toughCookieStub = fileURLToPath(new URL('./tough-cookie-stub.ts', import.meta.url));
const interceptorStub = fileURLToPath(new URL('./msw-interceptor-stub.ts', import.meta.url));

/** @returns {import('vite').UserConfig} */
export function playgroundViteConfig() {
  return {
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
