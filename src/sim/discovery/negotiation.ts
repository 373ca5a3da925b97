// Accept-header negotiation for /api and /apis, as apiserver's negotiation package and the
// aggregated discovery wrapper (pkg/endpoints/discovery/aggregated/wrapper.go) do it: clauses are
// ordered by q, then specificity; the first clause the endpoint can serve wins. A clause asking for
// a conversion (`g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`) selects aggregated
// discovery; a plain JSON clause selects the legacy documents.

import type { AggregatedDiscoveryVersion } from './types.ts';

export type DiscoveryFormat =
  | { format: 'aggregated'; version: AggregatedDiscoveryVersion }
  | { format: 'legacy' }
  | { format: 'notAcceptable' };

interface AcceptClause {
  type: string;
  subType: string;
  q: number;
  params: Map<string, string>;
}

function parseAccept(header: string): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const raw of header.split(',')) {
    const [mediaRange, ...paramParts] = raw.split(';').map((s) => s.trim());
    if (!mediaRange) continue;
    const slash = mediaRange.indexOf('/');
    const type = slash < 0 ? mediaRange : mediaRange.slice(0, slash);
    const subType = slash < 0 ? '*' : mediaRange.slice(slash + 1);
    const params = new Map<string, string>();
    let q = 1;
    for (const part of paramParts) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim();
      const value = part.slice(eq + 1).trim();
      if (key === 'q') q = Number.parseFloat(value) || 0;
      else params.set(key, value);
    }
    clauses.push({ type, subType, q, params });
  }
  // goautoneg: higher q first, then concrete types before wildcards. Insertion order otherwise.
  const rank = (c: AcceptClause) => (c.type === '*' ? 0 : c.subType === '*' ? 1 : 2);
  return clauses
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.q - a.c.q || rank(b.c) - rank(a.c) || a.i - b.i)
    .map(({ c }) => c);
}

// The server's serializers: JSON, YAML and protobuf. The sim writes JSON for all of them.
const servedSubTypes = new Set(['json', 'yaml', 'vnd.kubernetes.protobuf']);

function mediaTypeServed(c: AcceptClause): boolean {
  if (c.type === '*') return true;
  if (c.type !== 'application') return false;
  return c.subType === '*' || servedSubTypes.has(c.subType);
}

// Clients send the same few Accept headers over and over.
const memo = new Map<string, DiscoveryFormat>();
const memoLimit = 64;

/** Which discovery document a request's Accept header selects. */
export function negotiateDiscovery(accept: string | null): DiscoveryFormat {
  if (!accept || !accept.trim()) return { format: 'legacy' };
  let result = memo.get(accept);
  if (!result) {
    result = negotiate(accept);
    if (memo.size >= memoLimit) memo.clear();
    memo.set(accept, result);
  }
  return result;
}

function negotiate(accept: string): DiscoveryFormat {
  for (const clause of parseAccept(accept)) {
    if (clause.q <= 0 || !mediaTypeServed(clause)) continue;
    const as = clause.params.get('as');
    const g = clause.params.get('g');
    const v = clause.params.get('v');
    if (as === undefined && g === undefined && v === undefined) return { format: 'legacy' };
    // DiscoveryEndpointRestrictions: the only conversion allowed is to an APIGroupDiscoveryList.
    if (as === 'APIGroupDiscoveryList' && g === 'apidiscovery.k8s.io' && (v === 'v2' || v === 'v2beta1')) {
      return { format: 'aggregated', version: v };
    }
  }
  // Neither handler can answer: the legacy one replies 406.
  return { format: 'notAcceptable' };
}

/** The Content-Type of an aggregated discovery response. */
export const aggregatedContentType = (version: AggregatedDiscoveryVersion) =>
  `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
