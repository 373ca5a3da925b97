// Go's fmt.Sprint of values that encoding/json decoded into interface{}: the form kubectl's
// messages take when they print such a value with %v (maps as map[k:v] with sorted keys,
// slices as [a b], nil as <nil>, numbers as float64).

/** Code point order (Go's byte order of UTF-8), the order fmt prints a map's keys in. */
export function compareGoKeys(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** %v of a float64: strconv.FormatFloat(v, 'g', -1, 64), exponent form below 1e-4 and from 1e6 on. */
function goFloat(v: number): string {
  const [mantissa, exp] = v.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (v !== 0 && (e < -4 || e >= 6)) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(v);
}

/** Whole numbers within int64: the ones an unstructured object's JSON decoding keeps as int64. */
const isInt64 = (v: number) => Number.isInteger(v) && Math.abs(v) < 2 ** 63;

/**
 * fmt.Sprint of a decoded JSON value. `numbers` says how it was decoded: 'float64' (encoding/json
 * into interface{}) or 'int64' (an unstructured object's decoding, which keeps whole numbers that
 * fit int64 as int64 and prints them without an exponent).
 */
export function goSprint(v: unknown, numbers: 'float64' | 'int64' = 'float64'): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return numbers === 'int64' && isInt64(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((e) => goSprint(e, numbers)).join(' ')}]`;
  const map = v as Record<string, unknown>;
  return `map[${Object.keys(map)
    .sort(compareGoKeys)
    .map((k) => `${k}:${goSprint(map[k], numbers)}`)
    .join(' ')}]`;
}
