// @ts-check
// What the editor needs from Vite, for astro.config.mjs to merge into its `vite` key:
// - monaco-yaml's worker manager imports `monaco-editor/esm/vs/...`, a path monaco-editor 0.57's
//   exports map no longer resolves;
// - prettier (formatting, unused here) is replaced by a stub in the YAML worker;
// - CSS imported by Monaco's modules is not attached to the page as a stylesheet (it would land on
//   every lesson, since Astro links a route's CSS into all its pages). In a build it is gathered
//   into one stylesheet asset that the editor links when it mounts; with the dev server each file
//   becomes a string the editor injects. Either way see monaco.ts, `monacoStyles`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const prettierStub = fileURLToPath(new URL('./workers/prettier-stub.ts', import.meta.url));
const uriOnMainThread = fileURLToPath(new URL('./workers/vscode-uri-main.ts', import.meta.url));
const codeActionControllerStub = fileURLToPath(new URL('./workers/code-action-controller-stub.ts', import.meta.url));
const virtualPrefix = '\0monaco-css:';
/** Replaced, in the built chunk, by the file name of the gathered stylesheet. */
export const cssPlaceholder = '__APISERVICE_LAB_MONACO_CSS__';

/** @returns {import('vite').Plugin} */
function monacoCss() {
  let serving = false;
  /** CSS files in the order they were first imported. @type {string[]} */
  const files = [];
  return {
    name: 'apiservice-lab:monaco-css',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async resolveId(source, importer) {
      // monaco-languageserver-types (main thread only) gets Monaco's Uri instead of vscode-uri.
      if (source === 'vscode-uri' && importer?.includes('/node_modules/monaco-languageserver-types/')) return uriOnMainThread;
      // The marker hover's only use of the code action controller is a menu no contribution provides.
      if (source.endsWith('/codeAction/browser/codeActionController.js') && importer?.endsWith('/hover/browser/markerHoverParticipant.js')) return codeActionControllerStub;
      if (!source.endsWith('.css') || !importer) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || !resolved.id.includes('/node_modules/monaco-editor/')) return null;
      // Not ending in .css, or Vite's CSS pipeline would take this JS module for a stylesheet.
      return virtualPrefix + resolved.id + '.js';
    },
    load(id) {
      if (!id.startsWith(virtualPrefix)) return null;
      const file = id.slice(virtualPrefix.length, -'.js'.length);
      if (serving) return `import css from ${JSON.stringify(file + '?inline')};\n(globalThis.__apiserviceLabMonacoCss ??= []).push(css);`;
      if (!files.includes(file)) files.push(file);
      return 'export {};';
    },
    generateBundle(_options, bundle) {
      if (serving || files.length === 0) return;
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk' && c.code.includes(cssPlaceholder));
      if (chunks.length === 0) return;
      const assetsDir = dirname(chunks[0].fileName);
      /** @type {Map<string, string>} */
      const emitted = new Map();
      const parts = files.map((file) => {
        const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
        // Fonts and images next to the CSS (codicon.ttf) become assets beside the stylesheet.
        return text.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, _q, ref) => {
          if (/^(data:|https?:|#)/.test(ref)) return whole;
          const path = resolve(dirname(file), ref);
          let name = emitted.get(path);
          if (!name) {
            const source = readFileSync(path);
            const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
            const dot = basename(path).lastIndexOf('.');
            name = `${basename(path).slice(0, dot)}.${hash}${basename(path).slice(dot)}`;
            this.emitFile({ type: 'asset', fileName: `${assetsDir}/${name}`, source });
            emitted.set(path, name);
          }
          return `url(./${name})`;
        });
      });
      const css = parts.join('\n');
      const cssName = `monaco.${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
      this.emitFile({ type: 'asset', fileName: `${assetsDir}/${cssName}`, source: css });
      for (const chunk of chunks) if (chunk.type === 'chunk') chunk.code = chunk.code.split(cssPlaceholder).join(cssName);
    },
  };
}

/** @returns {import('vite').UserConfig} */
export function editorViteConfig() {
  return {
    resolve: {
      alias: [
        { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' },
        { find: /^prettier(\/.*)?$/, replacement: prettierStub },
      ],
    },
    plugins: [monacoCss()],
    worker: { format: 'es' },
    optimizeDeps: { include: ['monaco-editor/editor', 'monaco-yaml', 'yaml'] },
  };
}
