import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityMilliValue, quantityValue, sumQuantities } from '../../../src/kubectl/quantity.ts';

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
