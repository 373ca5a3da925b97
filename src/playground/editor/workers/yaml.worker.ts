// The YAML language service (completion, hover, schema validation), loaded with Vite's `?worker`.
import 'monaco-yaml/yaml.worker.js';
