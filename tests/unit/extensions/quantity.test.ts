import { describe, expect, it } from 'vitest';
import { goDuration, goDurationFromNanos } from '../../../src/sim/extensions/goduration.ts';
import { cpuQuantity, decimalQuantity, memoryQuantity, parseQuantity } from '../../../src/sim/extensions/quantity.ts';
import { recorded } from './fixtures.ts';

describe('Quantity canonical form', () => {
  it('prints nanocores as metrics-server does', () => {
    expect(cpuQuantity(187502386)).toBe('187502386n');
    expect(cpuQuantity(53218950)).toBe('53218950n');
    expect(cpuQuantity(1048576)).toBe('1048576n');
    expect(cpuQuantity(0)).toBe('0');
    expect(cpuQuantity(2_000_000)).toBe('2m');
    expect(cpuQuantity(1_500_000_000)).toBe('1500m');
    expect(cpuQuantity(2_000_000_000)).toBe('2');
    expect(cpuQuantity(12_000)).toBe('12u');
    expect(decimalQuantity(4000, 0)).toBe('4k');
  });

  it('prints memory in the largest exact binary unit', () => {
    expect(memoryQuantity(1436284 * 1024)).toBe('1436284Ki');
    expect(memoryQuantity(3 * 2 ** 20)).toBe('3Mi');
    expect(memoryQuantity(768 * 2 ** 30)).toBe('768Gi');
    expect(memoryQuantity(2 ** 40)).toBe('1Ti');
    expect(memoryQuantity(512)).toBe('512');
    expect(memoryQuantity(1500)).toBe('1500');
    expect(memoryQuantity(0)).toBe('0');
  });

  it('formats every quantity of the recorded metrics as it parses them back', () => {
    const quantities = [...recorded('raw-metrics-nodes.stdout.txt').matchAll(/"(cpu|memory)":"([^"]+)"/g), ...recorded('raw-metrics-pods-default.stdout.txt').matchAll(/"(cpu|memory)":"([^"]+)"/g)];
    expect(quantities.length).toBeGreaterThan(4);
    for (const [, resource, text] of quantities) {
      const value = parseQuantity(text)!;
      expect(resource === 'cpu' ? cpuQuantity(Math.round(value * 1e9)) : memoryQuantity(value)).toBe(text);
    }
  });

  it('parses allocatable and request quantities', () => {
    expect(parseQuantity('4')).toBe(4);
    expect(parseQuantity('3800m')).toBeCloseTo(3.8);
    expect(parseQuantity('8148704Ki')).toBe(8148704 * 1024);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('500M')).toBe(5e8);
    expect(parseQuantity('lots')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });
});

describe('Go time.Duration.String', () => {
  it('prints windows as metav1.Duration does', () => {
    expect(goDuration(20_048)).toBe('20.048s');
    expect(goDuration(18_432)).toBe('18.432s');
    expect(goDuration(15_000)).toBe('15s');
    expect(goDuration(15_010)).toBe('15.01s');
    expect(goDuration(60_500)).toBe('1m0.5s');
    expect(goDuration(3_723_000)).toBe('1h2m3s');
    expect(goDuration(800)).toBe('800ms');
    expect(goDuration(0)).toBe('0s');
    expect(goDurationFromNanos(1_500)).toBe('1.5µs');
    expect(goDurationFromNanos(42)).toBe('42ns');
  });
});
