import { describe, expect, it } from 'vitest';
import {
  addFormatted,
  formattedQuantityOf,
  parseFormattedQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityString,
  quantityValue,
  sumQuantities,
} from '../../../src/kubectl/quantity.ts';

const q = (s: string) => {
  const parsed = parseQuantity(s);
  if (!parsed) throw new Error(`does not parse: ${s}`);
  return parsed;
};

describe('resource quantities as kubectl top reads them', () => {
  it('rounds CPU millicores up (FACTS §6: 187502386n → 188m, 1048576n → 2m, 0 → 0m)', () => {
    expect(quantityMilliValue(q('187502386n'))).toBe(188n);
    expect(quantityMilliValue(q('1048576n'))).toBe(2n);
    expect(quantityMilliValue(q('0'))).toBe(0n);
    expect(quantityMilliValue(q('2'))).toBe(2000n);
    expect(quantityMilliValue(q('100m'))).toBe(100n);
    expect(quantityMilliValue(q('1.5'))).toBe(1500n);
  });

  it('reads binary and decimal memory suffixes exactly', () => {
    expect(quantityValue(q('1436284Ki')) / 1048576n).toBe(1402n);
    expect(quantityValue(q('8Gi'))).toBe(8n * 1024n ** 3n);
    expect(quantityValue(q('1e3'))).toBe(1000n);
    expect(quantityValue(q('1k'))).toBe(1000n);
    expect(quantityValue(q('1500m'))).toBe(2n);
  });

  it('adds container usages before rounding, as the pod sum does', () => {
    expect(quantityMilliValue(sumQuantities([q('400000n'), q('400000n'), q('400000n')]))).toBe(2n);
  });

  it('rejects what ParseQuantity rejects', () => {
    for (const bad of ['', 'abc', '1KB', '1 Mi', '--1', '1ki']) expect(parseQuantity(bad)).toBeUndefined();
  });
});

describe('resource quantities as kubectl describe prints them (Quantity.String)', () => {
  const canonical = (s: string) => quantityString(parseFormattedQuantity(s)!);

  it('keeps canonical forms as they are', () => {
    for (const s of ['100m', '200Mi', '8148704Ki', '4', '110', '0', '102626232Ki', '1e3']) expect(canonical(s), s).toBe(s);
  });

  it('folds decimal quantities into the largest exact multiple-of-3 suffix', () => {
    expect(canonical('1000m')).toBe('1');
    expect(canonical('0.5')).toBe('500m');
    expect(canonical('1000')).toBe('1k');
    expect(canonical('1500000')).toBe('1500k');
    expect(canonical('0.1m')).toBe('100u');
  });

  it('prints binary quantities in the largest exact power of 1024, and small or fractional ones in decimal', () => {
    expect(canonical('1024Mi')).toBe('1Gi');
    expect(canonical('1.5Gi')).toBe('1536Mi');
    expect(canonical('0.5Ki')).toBe('512');
    expect(canonical('1.5Ki')).toBe('1536');
  });

  it('gives a sum the format of its first non-zero term', () => {
    const sum = [formattedQuantityOf(undefined), formattedQuantityOf('16Mi'), formattedQuantityOf('70Mi'), formattedQuantityOf('200Mi')].reduce(addFormatted);
    expect(quantityString(sum)).toBe('286Mi');
    expect(quantityString([formattedQuantityOf('10m'), formattedQuantityOf('100m'), formattedQuantityOf('100m')].reduce(addFormatted))).toBe('210m');
    expect(quantityString(formattedQuantityOf(undefined))).toBe('0');
  });
});
