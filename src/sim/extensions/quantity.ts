// resource.Quantity as metrics-server writes it: CPU in nanocores (DecimalSI, scale -9) and
// memory in bytes (BinarySI), both in apimachinery's canonical form, plus a parser for the
// quantities found in node allocatable and container requests.

const decimalSuffixes: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * A DecimalSI quantity of `value` × 10^`scale`, canonicalised as Quantity.String() does: trailing
 * zeros move into the exponent, which is then rounded down to a multiple of 3
 * (`187502386n`, `2000000n` → `2m`, `0`).
 */
export function decimalQuantity(value: number, scale: number): string {
  let amount = Math.trunc(value);
  if (amount === 0) return '0';
  let exponent = scale;
  while (amount % 10 === 0) {
    amount /= 10;
    exponent++;
  }
  const rest = ((exponent % 3) + 3) % 3;
  amount *= 10 ** rest;
  exponent -= rest;
  const suffix = decimalSuffixes[exponent];
  return suffix === undefined ? `${amount}e${exponent}` : `${amount}${suffix}`;
}

/** Nanocores as metrics-server reports CPU usage (`uint64Quantity(v, DecimalSI, -9)`). */
export const cpuQuantity = (nanocores: number) => decimalQuantity(nanocores, -9);

/** Bytes as a BinarySI quantity: `1436284Ki`, `3Mi`; below 1024 or not a whole Ki it falls back to decimal. */
export function memoryQuantity(bytes: number): string {
  let amount = Math.trunc(bytes);
  if (amount === 0) return '0';
  if (Math.abs(amount) < 1024) return decimalQuantity(amount, 0);
  let power = 0;
  while (amount % 1024 === 0 && power < binarySuffixes.length - 1) {
    amount /= 1024;
    power++;
  }
  return `${amount}${binarySuffixes[power]}`;
}

const suffixFactor: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity string (`3800m`, `16318520Ki`, `8Gi`, `1e3`) in base units, or undefined if it does not parse. */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(text.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * suffixFactor[m[3] ?? ''];
}
