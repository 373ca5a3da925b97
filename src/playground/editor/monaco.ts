// Monaco with the YAML language only: the slim editor API, the few editor features the course's
// files need, monaco-yaml with the Kubernetes schema, and the apiserver's own checks as markers.
// Imported lazily by index.ts, so none of it loads before a playground shows an editor.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
// The suggest widget (it brings the snippet controller the YAML service's `key: $1` needs). Not
// features/suggest, which only adds completions as inline ghost text.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
// Each feature costs main-thread bytes; these are the ones the course's short files need (folding,
// clipboard actions, word highlights, bracket matching, comment toggling and Monaco's own context
// menu are left out; the browser's context menu still copies and pastes). Find (Ctrl+F) reuses
// the find widget the hover already brings.
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from './workers/editor.worker.ts?worker';
import YamlWorker from './workers/yaml.worker.ts?worker';
import { checkText } from './semantic.ts';
import { defineEditorThemes } from './themes.ts';
// Data, not code: fetched as JSON when the editor starts rather than parsed as a script.
import schemaUrl from './schema/kube.schema.json?url';

export { monaco };

declare global {
  // Filled by the Vite plugin in vite-config.mjs: the CSS of each Monaco module, as text.
  var __apiserviceLabMonacoCss: string[] | undefined;
}

// In a build, the file name of Monaco's gathered stylesheet (next to this chunk); replaced by the
// plugin in vite-config.mjs. With the dev server the CSS arrives as strings instead.
const builtStylesheet = '__APISERVICE_LAB_MONACO_CSS__';

/** Monaco's CSS, once per document (it is not linked as a page stylesheet; see vite-config.mjs). */
export function monacoStyles(doc: Document): Promise<void> {
  if (doc.getElementById('apiservice-lab-monaco-css')) return Promise.resolve();
  const inline = globalThis.__apiserviceLabMonacoCss ?? [];
  if (inline.length > 0 || builtStylesheet.startsWith('__')) {
    const style = doc.createElement('style');
    style.id = 'apiservice-lab-monaco-css';
    style.textContent = inline.join('\n');
    doc.head.append(style);
    return Promise.resolve();
  }
  const link = doc.createElement('link');
  link.id = 'apiservice-lab-monaco-css';
  link.rel = 'stylesheet';
  link.href = new URL(builtStylesheet, import.meta.url).href;
  const loaded = new Promise<void>((done) => {
    link.addEventListener('load', () => done());
    link.addEventListener('error', () => done());
  });
  doc.head.append(link);
  return loaded;
}

const startWorker = (label: string): Worker => (label === 'yaml' ? new YamlWorker() : new EditorWorker());

defineEditorThemes(monaco);

globalThis.MonacoEnvironment = { getWorker: (_workerId: string, label: string) => startWorker(label) };

interface LegacyWorkerOptions {
  createData?: unknown;
  label?: string;
  moduleId?: string;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * Since Monaco 0.53 `editor.createWebWorker` takes the Worker itself; monaco-yaml 5.5 still passes
 * a label and its create data. This starts the worker the way Monaco's own language workers are
 * started (a wake-up message, then the create data) and hands it over.
 */
function createWebWorker(opts: LegacyWorkerOptions) {
  const worker = startWorker(opts.label ?? 'editorWorkerService');
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return monaco.editor.createWebWorker({ worker, host: opts.host as Record<string, Function> | undefined, keepIdleModels: opts.keepIdleModels });
}

let configured: Promise<void> | undefined;

/** monaco-yaml with the Kubernetes schema (fetched once, as JSON; without it, YAML checks only). */
export function configureYaml(): Promise<void> {
  configured ??= fetch(schemaUrl).then(async (response) => {
    if (!response.ok) throw new Error(`the editor's schema: ${response.status}`);
    return (await response.json()) as object;
  }).catch((err: unknown) => {
    console.warn('The Kubernetes schema could not be loaded; the editor checks YAML syntax only.', err);
    return undefined;
  }).then((schema) => {
    const withShim = { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as Parameters<typeof configureMonacoYaml>[0];
    configureMonacoYaml(withShim, {
      enableSchemaRequest: false,
      completion: true,
      hover: true,
      validate: true,
      format: { enable: false },
      schemas: schema ? [{ uri: 'https://apiservice-lab.local/schemas/kubernetes.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema }] : [],
    });
  });
  return configured;
}

/** Owner of the markers that come from the simulator's validation. */
export const apiserverOwner = 'apiserver';

/** Re-run the apiserver's checks on a model and show them as markers. */
export function updateSemanticMarkers(model: monaco.editor.ITextModel): void {
  const markers = checkText(model.getValue()).map((d) => ({
    severity: monaco.MarkerSeverity.Error,
    message: d.message,
    source: 'kube-apiserver',
    startLineNumber: d.startLine,
    startColumn: d.startColumn,
    endLineNumber: d.endLine,
    endColumn: d.endColumn,
  }));
  monaco.editor.setModelMarkers(model, apiserverOwner, markers);
}
