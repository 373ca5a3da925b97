// Monaco's own editor worker (diffs, word ranges, model sync), loaded with Vite's `?worker`.
import 'monaco-editor/editor/editor.worker.js';
