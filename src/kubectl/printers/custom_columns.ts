// kubectl -o custom-columns=HEADER:PATH,... and -o custom-columns-file=FILE (kubectl's
// CustomColumnsPrinter): one tab-aligned row per object, each cell the values its JSONPath finds
// as Go's fmt.Sprint prints them, joined with commas, or `<none>` when it finds nothing.

import { goSprint } from '../gofmt.ts';
import { KubectlError } from '../rest/errors.ts';
import { findJSONPathResults, parseJSONPathTemplate } from './jsonpath.ts';
import { TabWriter, kubectlTableOptions } from './tabwriter.ts';
import { escapeTerminal } from './terminal.ts';

interface CustomColumn {
  header: string;
  /** The JSONPath template, braces included. */
  fieldSpec: string;
}

/** RelaxedJSONPathExpression: `name.x`, `.name.x`, `{name.x}` and `{.name.x}` all mean `{.name.x}`. */
export function relaxedJSONPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** The columns of `-o custom-columns=SPEC`. */
export function columnsFromSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const pieces = part.split(':');
    if (pieces.length !== 2) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: pieces[0]!, fieldSpec: relaxedJSONPath(pieces[1]!) };
  });
}

const templateFormat = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** The columns of a custom-columns file: a line of headers, then a line of paths. */
export function columnsFromTemplate(text: string): CustomColumn[] {
  const lines = text.split('\n');
  if (text === '') throw new KubectlError(`invalid template, missing header line. ${templateFormat}`);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) throw new KubectlError(`invalid template, missing spec line. ${templateFormat}`);
  const fields = (line: string) => line.split(/\s+/).filter((w) => w !== '');
  const headers = fields(lines[0]!);
  const specs = fields(lines[1]!);
  if (headers.length !== specs.length) {
    throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPath(specs[i]!) }));
}

/** Prints the objects; the header line comes first, then the paths are parsed once, as PrintObj does (an empty list too). */
export function printCustomColumns(columns: CustomColumn[], objects: unknown[], noHeaders: boolean, out: (text: string) => void): void {
  const w = new TabWriter(out, kubectlTableOptions);
  try {
    if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
    const templates = columns.map((c) => parseJSONPathTemplate(c.fieldSpec));
    for (const obj of objects) {
      const cells = templates.map((t) => {
        const results = findJSONPathResults(t, obj);
        if (results.length === 0 || results[0]!.length === 0) return '<none>';
        return results.flatMap((values) => values.map((v) => escapeTerminal(goSprint(v, 'int64')))).join(',');
      });
      w.write(cells.join('\t') + '\n');
    }
  } finally {
    w.flush();
  }
}
