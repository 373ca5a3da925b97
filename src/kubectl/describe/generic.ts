// kubectl's genericDescriber (pkg/describe/describe.go): Name, Namespace, Labels, Annotations,
// then every other field of the object in sorted order with camelCase split into words,
// then the object's events. Written through a tabwriter (minwidth 0, padding 2).

import { goSprint } from '../gofmt.ts';
import { describeEvents, type CoreEvent } from './events.ts';
import { DescribeWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer.ts';

type Unstructured = Record<string, unknown>;

/** github.com/fatih/camelcase Split: runs of lower case, upper case, digits and other characters. */
export function camelcaseSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last && runs.length > 0) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  // An upper-case run followed by lower case gives its last letter to the next word: "TLSVerify" → "TLS", "Verify".
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i]!;
    const next = runs[i + 1]!;
    if (classOf(cur[0]!) === 2 && classOf(next[0]!) === 1) {
      next.unshift(cur.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

const commonAcronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: `insecureSkipTLSVerify` → `Insecure Skip TLS Verify`. */
export function smartLabelFor(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (commonAcronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fmt's %v of an unstructured object's value. */
const goValue = (v: unknown): string => goSprint(v, 'int64');

function printUnstructuredContent(w: DescribeWriter, level: number, content: Unstructured, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Unstructured, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Unstructured, skipExpr, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: Unstructured, events: CoreEvent[] | undefined, now: Date): string {
  const metadata = (obj.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const w = new DescribeWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', metadata.annotations);
  printUnstructuredContent(w, 0, obj, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  if (events) describeEvents(w, events, now);
  return w.text();
}
