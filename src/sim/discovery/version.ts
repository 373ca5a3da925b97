// Version ordering as kube-aggregator applies it to APIServices: apimachinery's
// CompareKubeAwareVersionStrings (pkg/version/helpers.go) and the sort helpers of
// kube-aggregator's pkg/apis/apiregistration/v1/helper (SortedByGroupAndVersion,
// ByGroupPriorityMinimum, ByVersionPriority).

import type { KubeObject } from '../types.ts';

// Bigger number, higher priority.
const versionTypeAlpha = 0;
const versionTypeBeta = 1;
const versionTypeGA = 2;

const kubeVersionRegex = /^v([0-9]+)(?:(alpha|beta)([0-9]+))?$/;

interface KubeVersion {
  major: number;
  type: number;
  minor: number;
}

// Go's strconv.Atoi fails past int64; such strings are then "not kube-like".
const atoi = (digits: string): number | undefined => (digits.length > 18 ? undefined : Number(digits));

function parseKubeVersion(v: string): KubeVersion | undefined {
  const m = kubeVersionRegex.exec(v);
  if (!m) return undefined;
  const major = atoi(m[1]);
  if (major === undefined) return undefined;
  if (m[2] === undefined) return { major, type: versionTypeGA, minor: 0 };
  const minor = atoi(m[3]);
  if (minor === undefined) return undefined;
  return { major, type: m[2] === 'alpha' ? versionTypeAlpha : versionTypeBeta, minor };
}

const stringsCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Positive when `v1` is the greater (more preferred) version, negative when `v2` is, 0 when equal.
 * Kube-like versions (`v<major>[alpha|beta<minor>]`) beat the rest: GA > beta > alpha, then the
 * higher major, then the higher minor. Other strings order lexically, the smaller one greater.
 */
export function compareKubeAwareVersionStrings(v1: string, v2: string): number {
  if (v1 === v2) return 0;
  const a = parseKubeVersion(v1);
  const b = parseKubeVersion(v2);
  if (!a && !b) return stringsCompare(v2, v1);
  if (!a) return -1;
  if (!b) return 1;
  if (a.type !== b.type) return a.type - b.type;
  if (a.major !== b.major) return a.major - b.major;
  return a.minor - b.minor;
}

/** Versions most preferred first, as discovery lists them when priorities tie. */
export function sortKubeAwareVersions(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => compareKubeAwareVersionStrings(b, a));
}

/** The parts of an APIService's spec that order discovery. */
export interface APIServiceOrderKey {
  name: string;
  group: string;
  version: string;
  groupPriorityMinimum: number;
  versionPriority: number;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

export function apiServiceOrderKey(apiService: KubeObject): APIServiceOrderKey {
  const spec = (apiService.spec ?? {}) as Record<string, unknown>;
  return {
    name: apiService.metadata.name ?? '',
    group: typeof spec.group === 'string' ? spec.group : '',
    version: typeof spec.version === 'string' ? spec.version : '',
    groupPriorityMinimum: num(spec.groupPriorityMinimum),
    versionPriority: num(spec.versionPriority),
  };
}

/** ByGroupPriorityMinimum: the highest groupPriorityMinimum first, then by name (byte order). */
export function byGroupPriorityMinimum(a: APIServiceOrderKey, b: APIServiceOrderKey): number {
  if (a.groupPriorityMinimum !== b.groupPriorityMinimum) return b.groupPriorityMinimum - a.groupPriorityMinimum;
  return stringsCompare(a.name, b.name);
}

/** ByVersionPriority: the highest versionPriority first, then the greater kube-aware version. */
export function byVersionPriority(a: APIServiceOrderKey, b: APIServiceOrderKey): number {
  if (a.versionPriority !== b.versionPriority) return b.versionPriority - a.versionPriority;
  return compareKubeAwareVersionStrings(b.version, a.version);
}

/**
 * SortedByGroupAndVersion: APIServices grouped by spec.group, groups in the order of their first
 * APIService by ByGroupPriorityMinimum, each group's versions ordered by ByVersionPriority.
 */
export function sortedByGroupAndVersion<T>(items: readonly T[], key: (item: T) => APIServiceOrderKey): T[][] {
  const keyed = items.map((item) => ({ item, k: key(item) }));
  keyed.sort((a, b) => byGroupPriorityMinimum(a.k, b.k));
  const groups: { group: string; members: typeof keyed }[] = [];
  const byGroup = new Map<string, typeof keyed>();
  for (const entry of keyed) {
    const members = byGroup.get(entry.k.group);
    if (members) {
      members.push(entry);
      continue;
    }
    const fresh = [entry];
    byGroup.set(entry.k.group, fresh);
    groups.push({ group: entry.k.group, members: fresh });
  }
  return groups.map((g) => g.members.sort((a, b) => byVersionPriority(a.k, b.k)).map((e) => e.item));
}
