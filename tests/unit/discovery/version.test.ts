import { describe, expect, it } from 'vitest';
import { compareKubeAwareVersionStrings, sortKubeAwareVersions, sortedByGroupAndVersion, apiServiceOrderKey } from '../../../src/sim/discovery/version.ts';
import { apiServiceObject, discoveryOrder, vectorSet } from './fixtures.ts';

describe('CompareKubeAwareVersionStrings', () => {
  for (const v of discoveryOrder.compareVectors) {
    it(`${v.a} vs ${v.b} has sign ${v.sign}`, () => {
      expect(Math.sign(compareKubeAwareVersionStrings(v.a, v.b))).toBe(v.sign);
      expect(Math.sign(compareKubeAwareVersionStrings(v.b, v.a))).toBe(-v.sign);
    });
  }

  for (const v of discoveryOrder.versionSortVectors) {
    it(`sorts ${v.input.join(',')}`, () => {
      expect(sortKubeAwareVersions(v.input)).toEqual(v.expected);
    });
  }

  it('treats equal strings as equal and huge numbers as not kube-like', () => {
    expect(compareKubeAwareVersionStrings('v1', 'v1')).toBe(0);
    expect(Math.sign(compareKubeAwareVersionStrings('v1', 'v99999999999999999999'))).toBe(1);
    expect(Math.sign(compareKubeAwareVersionStrings('v2alpha1', 'v1alpha9'))).toBe(1);
  });
});

describe('SortedByGroupAndVersion', () => {
  it('groups by first APIService and orders versions by versionPriority', () => {
    const set = vectorSet('custom-metrics-adapters');
    const grouped = sortedByGroupAndVersion(set.apiservices.map((v) => apiServiceObject(v)), apiServiceOrderKey);
    expect(grouped.map((g) => g.map((s) => s.metadata.name))).toEqual([
      ['v1beta2.custom.metrics.k8s.io', 'v1beta1.custom.metrics.k8s.io'],
      ['v1beta1.external.metrics.k8s.io'],
      ['v1beta1.metrics.k8s.io'],
    ]);
  });
});
