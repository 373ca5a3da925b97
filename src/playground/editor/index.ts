// The playground's YAML editor: one tab per file, an Apply button that runs
// `kubectl apply -f <file>` in the terminal, and the problems in the current file listed as text.
// Monaco (with monaco-yaml and the Kubernetes schema) on desktop; on touch devices and narrow
// screens, where Monaco does not work well, a plain <textarea> with the same checks.
// Every change is written to store.files (what kubectl's -f reads) and saved in localStorage.

import type { PlaygroundFile, PlaygroundStore } from '../store.ts';
import { clear, load, save } from './persist.ts';
import { checkText, type EditorDiagnostic } from './semantic.ts';
import editorCss from './editor.css?inline';
import schemaUrl from './schema/kube.schema.json?url';
import { SchemaChecker } from './schema/check.ts';
import { EDITOR_THEME_NAMES } from './themes.ts';
import { siteTheme } from '../terminal_theme.ts';

export interface EditorOptions {
  files: PlaygroundFile[];
  /** Where the edits are saved; defaults to the page path, the scenario and the file names. */
  storageKey?: string;
  /** `auto` (default) picks the plain editor on touch devices and narrow screens. */
  mode?: 'auto' | 'monaco' | 'plain';
}

export interface EditorHandle {
  readonly mode: 'monaco' | 'plain';
  /** The file shown now. */
  readonly active: string;
  select(name: string): void;
  destroy(): void;
}

/** A problem as the list under the editor shows it. */
export interface Problem {
  line: number;
  column: number;
  message: string;
  source: string;
}

const words = {
  en: { files: 'Files', apply: 'Apply', applyTitle: 'Run kubectl apply -f {file} in the terminal', revert: 'Revert', revertTitle: 'Restore the lesson’s version of {file}', problems: 'Problems in {file}', none: 'No problems found.', line: 'Line {line}, column {column}', editorLabel: '{file} (YAML)', loading: 'Loading the editor…' },
  ko: { files: '파일', apply: '적용', applyTitle: '터미널에서 kubectl apply -f {file} 실행', revert: '되돌리기', revertTitle: '{file}을(를) 강의의 원래 내용으로 되돌리기', problems: '{file}의 문제', none: '문제가 없습니다.', line: '{line}행 {column}열', editorLabel: '{file} (YAML)', loading: '편집기를 불러오는 중…' },
};

type Words = (typeof words)['en'];
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

let uid = 0;

function injectStyles(doc: Document): void {
  if (doc.getElementById('apiservice-lab-editor-css')) return;
  const style = doc.createElement('style');
  style.id = 'apiservice-lab-editor-css';
  style.textContent = editorCss;
  doc.head.append(style);
}

function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Whether to use the plain editor: asked for, or a touch-first device, or a narrow container. */
export function wantsPlainEditor(el: HTMLElement, mode: EditorOptions['mode']): boolean {
  if (mode === 'plain') return true;
  if (mode === 'monaco') return false;
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  const coarse = win.matchMedia?.('(pointer: coarse)').matches ?? false;
  const width = Math.min(el.getBoundingClientRect().width || win.innerWidth, win.innerWidth);
  return coarse || width < 560;
}

/** Problems sorted by position, for the list under the editor. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.slice().sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1));
}

const fromDiagnostic = (d: EditorDiagnostic): Problem => ({ line: d.startLine, column: d.startColumn, message: d.message, source: d.source });

export async function mountEditor(el: HTMLElement, store: PlaygroundStore, opts: EditorOptions): Promise<EditorHandle> {
  const doc = el.ownerDocument;
  injectStyles(doc);
  const lang = (doc.documentElement.lang || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  const t: Words = words[lang];
  const id = `asl-editor-${++uid}`;
  const originals = opts.files.length > 0 ? opts.files : [{ name: 'apiservice.yaml', content: '' }];
  const key = opts.storageKey ?? `${doc.location?.pathname ?? ''}|${store.scenario}|${originals.map((f) => f.name).join(',')}`;

  // Restore saved edits, and make them what kubectl reads.
  const current = new Map<string, string>();
  for (const f of load(key, originals)) {
    current.set(f.name, f.content);
    store.files.set(f.name, f.content);
  }
  let active = originals[0].name;

  // ---- the frame: tabs, Apply, Revert, the editing surface, the problems ----
  el.replaceChildren();
  const root = h(doc, 'div', { class: 'asl-editor' });
  const bar = h(doc, 'div', { class: 'asl-editor__bar' });
  const tablist = h(doc, 'div', { role: 'tablist', 'aria-label': t.files, class: 'asl-editor__tabs' });
  const tabs = new Map<string, HTMLButtonElement>();
  const panelId = `${id}-panel`;
  originals.forEach((f, i) => {
    const tab = h(doc, 'button', { type: 'button', role: 'tab', id: `${id}-tab-${i}`, 'aria-controls': panelId, class: 'asl-editor__tab' }, f.name);
    tab.dataset.file = f.name;
    tab.addEventListener('click', () => handle.select(f.name));
    tab.addEventListener('keydown', (e) => {
      const names = originals.map((x) => x.name);
      const at = names.indexOf(f.name);
      let next: number | undefined;
      if (e.key === 'ArrowRight') next = (at + 1) % names.length;
      else if (e.key === 'ArrowLeft') next = (at - 1 + names.length) % names.length;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = names.length - 1;
      if (next === undefined) return;
      e.preventDefault();
      handle.select(names[next]);
      tabs.get(names[next])?.focus();
    });
    tabs.set(f.name, tab);
    tablist.append(tab);
  });
  const actions = h(doc, 'div', { class: 'asl-editor__actions' });
  const revert = h(doc, 'button', { type: 'button', class: 'asl-editor__revert' }, t.revert);
  const apply = h(doc, 'button', { type: 'button', class: 'asl-editor__apply' }, t.apply);
  actions.append(revert, apply);
  bar.append(tablist, actions);
  const panel = h(doc, 'div', { role: 'tabpanel', id: panelId, class: 'asl-editor__panel' });
  const problemsId = `${id}-problems`;
  const problemsBox = h(doc, 'div', { class: 'asl-editor__problems' });
  const problemsHeading = h(doc, 'p', { class: 'asl-editor__problems-title', id: `${problemsId}-title` });
  const problemsList = h(doc, 'ul', { id: problemsId, 'aria-labelledby': `${problemsId}-title`, 'aria-live': 'polite' });
  problemsBox.append(problemsHeading, problemsList);
  root.append(bar, panel, problemsBox);
  el.append(root);

  function renderProblems(problems: Problem[]): void {
    problemsHeading.textContent = fill(t.problems, { file: active });
    const items = sortProblems(problems).map((p) => {
      const li = h(doc, 'li', { class: 'asl-editor__problem' });
      const where = h(doc, 'span', { class: 'asl-editor__where' }, fill(t.line, { line: p.line, column: p.column }) + ': ');
      li.append(where, doc.createTextNode(p.message));
      li.dataset.line = String(p.line);
      li.dataset.source = p.source;
      return li;
    });
    if (items.length === 0) items.push(h(doc, 'li', { class: 'asl-editor__ok' }, t.none));
    problemsList.replaceChildren(...items);
    root.dataset.problems = String(problems.length);
  }

  function changed(name: string, text: string): void {
    current.set(name, text);
    store.files.set(name, text);
    save(key, originals, current);
  }

  apply.addEventListener('click', async () => {
    apply.disabled = true;
    try {
      await store.runCommand(`kubectl apply -f ${active}`);
    } finally {
      apply.disabled = false;
    }
  });

  // ---- the surface ----
  let surface: Surface;
  const plain = wantsPlainEditor(el, opts.mode);
  if (!plain) {
    panel.append(h(doc, 'p', { class: 'asl-editor__loading' }, t.loading));
    try {
      surface = await monacoSurface(panel, { t, key: id, files: current, changed, renderProblems });
    } catch (err) {
      console.warn('The code editor could not start; using the plain editor.', err);
      surface = plainSurface(panel, { t, key: id, files: current, changed, renderProblems, problemsId });
    }
  } else {
    surface = plainSurface(panel, { t, key: id, files: current, changed, renderProblems, problemsId });
  }
  root.dataset.mode = surface.mode;

  revert.addEventListener('click', () => {
    const original = originals.find((f) => f.name === active);
    if (!original) return;
    surface.setText(active, original.content);
  });

  // Another writer (a shell redirect, a checker) changed a file: show it.
  const unsubscribe = store.files.subscribe((name, content) => {
    if (content === undefined || !current.has(name) || current.get(name) === content) return;
    current.set(name, content);
    surface.setText(name, content);
  });

  const handle: EditorHandle = {
    get mode() {
      return surface.mode;
    },
    get active() {
      return active;
    },
    select(name: string) {
      if (!current.has(name)) return;
      active = name;
      for (const [n, tab] of tabs) {
        tab.setAttribute('aria-selected', String(n === name));
        tab.tabIndex = n === name ? 0 : -1;
      }
      panel.setAttribute('aria-labelledby', tabs.get(name)!.id);
      apply.title = fill(t.applyTitle, { file: name });
      revert.title = fill(t.revertTitle, { file: name });
      surface.show(name);
    },
    destroy() {
      unsubscribe();
      surface.destroy();
      el.replaceChildren();
    },
  };
  handle.select(active);
  return handle;
}

/** Forget a playground's saved edits (used by a playground's Reset). */
export function forgetEdits(storageKey: string): void {
  clear(storageKey);
}

interface Surface {
  readonly mode: 'monaco' | 'plain';
  show(name: string): void;
  /** Replace a file's text (Revert, or another writer); fires the change path like typing does. */
  setText(name: string, text: string): void;
  destroy(): void;
}

interface SurfaceContext {
  t: Words;
  key: string;
  files: Map<string, string>;
  changed(name: string, text: string): void;
  renderProblems(problems: Problem[]): void;
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** The plain editor: a labelled <textarea>, its problems listed below it and tied to it by aria-describedby. */
function plainSurface(panel: HTMLElement, ctx: SurfaceContext & { problemsId: string }): Surface {
  const doc = panel.ownerDocument;
  panel.replaceChildren();
  const label = h(doc, 'label', { for: `${ctx.key}-textarea`, class: 'asl-editor__label' });
  const area = h(doc, 'textarea', {
    id: `${ctx.key}-textarea`,
    class: 'asl-editor__textarea',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
    'aria-describedby': ctx.problemsId,
  });
  panel.append(label, area);
  let name = '';
  let schema: SchemaChecker | undefined;
  const check = () => ctx.renderProblems(checkText(area.value, { syntax: true, schema }).map(fromDiagnostic));
  // The schema's rules join the checks once its JSON has arrived.
  void fetch(schemaUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((json: Record<string, unknown>) => {
      schema = new SchemaChecker(json);
      check();
    })
    .catch((err: unknown) => console.warn('The Kubernetes schema could not be loaded; checking YAML and the apiserver rules only.', err));
  const later = debounce(check, 250);
  area.addEventListener('input', () => {
    ctx.changed(name, area.value);
    later();
  });
  area.addEventListener('keydown', (e) => {
    // Tab inserts two spaces (YAML indentation); Escape then Tab leaves the field.
    if (e.key === 'Tab' && !e.shiftKey && !area.dataset.escaped) {
      e.preventDefault();
      const { selectionStart: s, selectionEnd: end } = area;
      area.setRangeText('  ', s, end, 'end');
      area.dispatchEvent(new Event('input'));
    }
    if (e.key === 'Escape') area.dataset.escaped = '1';
    else if (e.key !== 'Tab') delete area.dataset.escaped;
  });
  return {
    mode: 'plain',
    show(next) {
      name = next;
      label.textContent = fill(ctx.t.editorLabel, { file: next });
      area.value = ctx.files.get(next) ?? '';
      check();
    },
    setText(file, text) {
      ctx.changed(file, text);
      if (file === name) {
        area.value = text;
        check();
      }
    },
    destroy() {},
  };
}

async function monacoSurface(panel: HTMLElement, ctx: SurfaceContext): Promise<Surface> {
  const { monaco, monacoStyles, configureYaml, updateSemanticMarkers } = await import('./monaco.ts');
  const doc = panel.ownerDocument;
  await Promise.all([configureYaml(), monacoStyles(doc)]);
  panel.replaceChildren();
  const host = h(doc, 'div', { class: 'asl-editor__monaco' });
  panel.append(host);

  const models = new Map<string, import('monaco-editor/editor').editor.ITextModel>();
  const disposables: { dispose(): void }[] = [];
  for (const [name, text] of ctx.files) {
    const uri = monaco.Uri.parse(`file:///playground/${ctx.key}/${encodeURIComponent(name)}`);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(text, 'yaml', uri);
    models.set(name, model);
    const later = debounce(() => updateSemanticMarkers(model), 150);
    disposables.push(
      model.onDidChangeContent(() => {
        ctx.changed(name, model.getValue());
        later();
      }),
    );
    updateSemanticMarkers(model);
  }

  const theme = () => EDITOR_THEME_NAMES[siteTheme(doc)];
  const editor = monaco.editor.create(host, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    fontSize: 14,
    lineNumbersMinChars: 3,
    renderLineHighlight: 'line',
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
    theme: theme(),
  });
  const themeWatch = new MutationObserver(() => monaco.editor.setTheme(theme()));
  themeWatch.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  let name = '';
  const viewStates = new Map<string, ReturnType<typeof editor.saveViewState>>();
  const showMarkers = () => {
    const model = models.get(name);
    if (!model) return;
    const markers = monaco.editor.getModelMarkers({ resource: model.uri });
    ctx.renderProblems(markers.map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message, source: m.owner })));
  };
  disposables.push(
    monaco.editor.onDidChangeMarkers((uris) => {
      const model = models.get(name);
      if (model && uris.some((u) => u.toString() === model.uri.toString())) showMarkers();
    }),
  );

  return {
    mode: 'monaco',
    show(next) {
      if (name) viewStates.set(name, editor.saveViewState());
      name = next;
      const model = models.get(next)!;
      editor.setModel(model);
      editor.updateOptions({ ariaLabel: fill(ctx.t.editorLabel, { file: next }) });
      const state = viewStates.get(next);
      if (state) editor.restoreViewState(state);
      showMarkers();
    },
    setText(file, text) {
      const model = models.get(file);
      if (!model || model.getValue() === text) return;
      // An edit operation (not setValue) keeps undo working across a Revert.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    },
    destroy() {
      themeWatch.disconnect();
      for (const d of disposables) d.dispose();
      editor.dispose();
      for (const m of models.values()) m.dispose();
    },
  };
}
