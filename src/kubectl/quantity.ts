// apimachinery's resource.Quantity reduced to what kubectl's printers need: parse a quantity
// exactly (as a fraction of big integers) and read it back as Value() and MilliValue(), which
// round away from zero like Quantity.ScaledValue does.

export interface Quantity {
  numerator: bigint;
  denominator: bigint;
}

const decimalExponents: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binaryExponents: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** resource.ParseQuantity; undefined for what it rejects. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(text);
  if (!m) return undefined;
  const [, sign, number, exponent, suffix = ''] = m;
  const [whole = '', fraction = ''] = number!.split('.');
  let numerator = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  const scale = (e: bigint, base: bigint) => {
    if (e >= 0n) numerator *= base ** e;
    else denominator *= base ** -e;
  };
  if (exponent) scale(BigInt(exponent.slice(1)), 10n);
  else if (suffix in binaryExponents) scale(BigInt(binaryExponents[suffix]!), 2n);
  else scale(BigInt(decimalExponents[suffix]!), 10n);
  return { numerator, denominator };
}

const zero: Quantity = { numerator: 0n, denominator: 1n };

/** Quantity.Cmp: -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Quantity.Add */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator };
}

export const sumQuantities = (qs: Quantity[]) => qs.reduce(addQuantities, zero);

/** The quantity times 10^-scale as an integer, rounded away from zero (Quantity.ScaledValue). */
function scaledValue(q: Quantity, scale: number): bigint {
  let num = q.numerator;
  let den = q.denominator;
  if (scale < 0) num *= 10n ** BigInt(-scale);
  else den *= 10n ** BigInt(scale);
  const quotient = num / den;
  if (quotient * den === num) return quotient;
  return num < 0n ? quotient - 1n : quotient + 1n;
}

/** Quantity.Value(): whole units, rounded up. */
export const quantityValue = (q: Quantity) => scaledValue(q, 0);

/** Quantity.MilliValue(): thousandths, rounded up. */
export const quantityMilliValue = (q: Quantity) => scaledValue(q, -3);

/** A quantity from a ResourceList entry, treating a missing or unparsable one as zero. */
export const quantityOf = (value: unknown): Quantity => (typeof value === 'string' ? parseQuantity(value) : undefined) ?? zero;

/** How a quantity was written, which decides how Quantity.String() prints it back. */
type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A quantity with its format, as resource.Quantity carries them. */
export interface FormattedQuantity {
  value: Quantity;
  format: QuantityFormat;
}

/** resource.ParseQuantity with the format it records; undefined for what it rejects. */
export function parseFormattedQuantity(text: string): FormattedQuantity | undefined {
  const value = parseQuantity(text);
  if (!value) return undefined;
  const format: QuantityFormat = /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text) ? 'BinarySI' : /[eE][+-]?\d+$/.test(text) ? 'DecimalExponent' : 'DecimalSI';
  return { value, format };
}

/** A ResourceList entry as a formatted quantity; a missing or unparsable one is Quantity{}. */
export const formattedQuantityOf = (value: unknown): FormattedQuantity =>
  (typeof value === 'string' ? parseFormattedQuantity(value) : undefined) ?? { value: zero, format: 'DecimalSI' };

/** Quantity.Add: the sum takes the other's format when this one is zero. */
export function addFormatted(a: FormattedQuantity, b: FormattedQuantity): FormattedQuantity {
  return { value: addQuantities(a.value, b.value), format: a.value.numerator === 0n ? b.format : a.format };
}

const decimalSuffixes: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Quantity.String(): the canonical form (`210m`, `286Mi`, `1k`, `0`). */
export function quantityString(q: FormattedQuantity): string {
  const { numerator, denominator } = q.value;
  if (numerator === 0n) return '0';
  let format = q.format;
  const whole = numerator / denominator;
  const exact = whole * denominator === numerator;
  if (format === 'BinarySI' && (!exact || (whole > -1024n && whole < 1024n))) format = 'DecimalSI';
  if (format === 'BinarySI') {
    let mantissa = whole;
    let exponent = 0;
    while (exponent < binarySuffixes.length - 1 && mantissa % 1024n === 0n) {
      mantissa /= 1024n;
      exponent++;
    }
    return `${mantissa}${binarySuffixes[exponent]}`;
  }
  // Nano precision at most, rounded away from zero, then trailing zeros folded into a multiple-of-3 exponent.
  let mantissa = scaledValue(q.value, -9);
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const rest = exponent % 3;
  if (rest === 1 || rest === -2) {
    mantissa *= 10n;
    exponent -= 1;
  } else if (rest === 2 || rest === -1) {
    mantissa *= 100n;
    exponent -= 2;
  }
  if (format === 'DecimalSI' && exponent in decimalSuffixes) return `${mantissa}${decimalSuffixes[exponent]}`;
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}
