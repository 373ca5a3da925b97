// kubectl describe's output machinery (pkg/describe/describe.go): a prefix writer over a
// tabwriter (minwidth 0, padding 2) that can be flushed mid-way, and the small printers every
// describer shares (labels, annotations, tolerations, taints, timestamps).

import { tabwrite, describeOptions } from '../printers/tabwriter.ts';
import { humanDuration } from '../../lib/duration.ts';
import { goSortSlice } from '../printers/go_sort.ts';
import { escapeTerminal } from '../printers/terminal.ts';

/** PrefixWriter: two spaces per level, escaped for the terminal; flush() closes the tabwriter's current column blocks. */
export class DescribeWriter {
  private written = '';
  private pending = '';

  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text);
  }

  flush(): void {
    this.written += tabwrite(this.pending, describeOptions);
    this.pending = '';
  }

  /** The text laid out, as tabbedString returns it. */
  text(): string {
    this.flush();
    return this.written;
  }
}

const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLen = 140;

const shorten = (s: string, maxLength: number) => (s.length > maxLength ? s.slice(0, maxLength) + '...' : s);

/** printLabelsMultilineWithIndent */
export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultiline: sorted, last-applied-configuration skipped, long values folded. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
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

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printTolerationsMultilineWithIndent (sorted by key with sort.Slice). */
export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = goSortSlice([...(tolerations ?? [])], (a, b) => (a.key ?? '') < (b.key ?? ''));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let line = t.key ?? '';
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${line}\n`);
  });
}

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

/** Taint.ToString: key[=value]:effect */
function taintString(t: Taint): string {
  const kv = t.value ? `${t.key ?? ''}=${t.value}` : (t.key ?? '');
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const key = (t: Taint) => `${t.effect ?? ''},${t.key ?? ''}`;
  const list = goSortSlice([...(taints ?? [])], (a, b) => key(a) < key(b));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.RFC1123Z of a metav1.Time in UTC; a missing time is Go's zero time. */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return `${days[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince */
export const since = (now: Date, ts: string | null | undefined) => (ts ? humanDuration(now.getTime() - Date.parse(ts)) : '<unknown>');

/** printBool */
export const printBool = (v: unknown) => (v === true ? 'True' : 'False');

/** stringOrNone */
export const stringOrNone = (s: string | undefined) => (s ? s : '<none>');

/** labels.FormatLabels: sorted k=v joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, text: `${e.key} in (${values.join(',')})` });
    else if (op === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${values.join(',')})` });
    else if (op === 'Exists') reqs.push({ key: e.key, text: e.key });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` });
  }
  if (reqs.length === 0) return '';
  return goSortSlice(reqs, (a, b) => a.key < b.key)
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like selectorString, but `<none>` for an empty selector. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector);
  return s === '' ? '<none>' : s;
}

export interface OwnerReference {
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

/** printController: `Kind/name` of the controlling owner, or empty. */
export function controllerOf(meta: { ownerReferences?: OwnerReference[] } | undefined): OwnerReference | undefined {
  return (meta?.ownerReferences ?? []).find((r) => r.controller === true);
}
