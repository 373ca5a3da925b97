// Go's encoding/json as kubectl's JSON printer calls it (json.MarshalIndent with four spaces):
// map keys sorted, and <, >, & and the line/paragraph separators escaped.

export function goJSONString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go formats float64 like JavaScript does: plain from 1e-6 up to 1e21, exponent outside. */
export const goNumber = (n: number): string => String(n);

export function marshalIndent(value: unknown, indent = '    ', prefix = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJSONString(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  const inner = prefix + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + marshalIndent(v, indent, inner)).join(',\n')}\n${prefix}]`;
  }
  const keys = Object.keys(value as object).sort();
  if (keys.length === 0) return '{}';
  const record = value as Record<string, unknown>;
  return `{\n${keys.map((k) => `${inner}${goJSONString(k)}: ${marshalIndent(record[k], indent, inner)}`).join(',\n')}\n${prefix}}`;
}

/** kubectl -o json: the object, four-space indented, with a final newline. */
export function printJSON(obj: unknown): string {
  return marshalIndent(obj) + '\n';
}
