// kubectl's genericDescriber (pkg/describe/describe.go): Name, Namespace, Labels, Annotations,
// then every other field of the object in sorted order with camelCase split into words,
// then the object's events. Written through a tabwriter (minwidth 0, padding 2).

import { goNumber } from '../printers/json.ts';
import { tabwrite, describeOptions } from '../printers/tabwriter.ts';
import { humanDuration } from '../../lib/duration.ts';

type Unstructured = Record<string, unknown>;

/** PrefixWriter: two spaces per level. */
class PrefixWriter {
  text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }
}

const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLen = 140;

function shorten(s: string, maxLength: number): string {
  return s.length > maxLength ? s.slice(0, maxLength) + '...' : s;
}

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

/** fmt's %v of a JSON-decoded value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Unstructured, skipPrefix: string, skip: string[]): void {
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

function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skipAnnotations.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, maxAnnotationLen - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

export interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
}

const since = (now: Date, ts: string | null | undefined) => (ts ? humanDuration(now.getTime() - Date.parse(ts)) : '<unknown>');

/** DescribeEvents, writing into the same prefix writer. Returns the text laid out so far plus the events block. */
function describeEvents(w: PrefixWriter, events: CoreEvent[] | undefined, now: Date): string {
  if (!events || events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return tabwrite(w.text, describeOptions);
  }
  // DescribeEvents flushes first: the events table is aligned on its own.
  const head = tabwrite(w.text, describeOptions);
  const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? '') - Date.parse(b.lastTimestamp ?? '') || 0);
  const ew = new PrefixWriter();
  ew.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  ew.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(now, e.eventTime) : since(now, e.firstTimestamp);
    let interval = first;
    if (e.series) interval = `${since(now, e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(now, e.lastTimestamp)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingController || '';
    ew.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
  return head + tabwrite(ew.text, describeOptions);
}

export function describeGeneric(obj: Unstructured, events: CoreEvent[] | undefined, now: Date): string {
  const metadata = (obj.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', metadata.annotations);
  printUnstructuredContent(w, 0, obj, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  return describeEvents(w, events, now);
}
