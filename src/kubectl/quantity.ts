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
