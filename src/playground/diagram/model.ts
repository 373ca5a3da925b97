// The request-flow diagram as data: which boxes to draw, which links join them (and which are
// broken), where each request went, and the words for all of them. Pure, so the picture can be
// checked without a browser; index.ts only turns this into SVG and text.

import type { APIServiceObject, RequestRecord } from '../store.ts';

export type NodeKind = 'client' | 'apiserver' | 'local' | 'extension';

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** A second line: what the box serves. */
  detail: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  /** A link to an extension server none of whose APIServices is Available. */
  broken: boolean;
  /** Shown on the link: for broken links, each unavailable APIService with its condition reason. */
  label: string;
}

export type Tone = 'ok' | 'error' | 'neutral';

export interface RequestEntry {
  /** Increasing; lets the view tell new entries from old. */
  seq: number;
  method: string;
  /** Path and query, as kubectl's -v=6 prints it after the host. */
  path: string;
  status: number;
  tone: Tone;
  /** Node ids from the client to where the request was answered. */
  route: string[];
  /** `local v1.apps`, `proxied to kube-system/metrics-server:443 (v1beta1.metrics.k8s.io)`, … */
  routeText: string;
  /** One line for the text list: `GET /api/v1/pods 200 → local v1`. */
  text: string;
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
  requests: RequestEntry[];
}

export const CLIENT = 'kubectl';
export const APISERVER = 'kube-apiserver';
export const LOCAL = 'local';
export const extensionId = (service: string) => `extension:${service}`;

/** How many requests the text list keeps. */
export const requestHistory = 20;

/** `namespace/name:port` for an APIService's backend (port defaults to 443), or undefined for a Local one. */
export function backendOf(s: APIServiceObject): string | undefined {
  const svc = s.spec?.service;
  if (!svc || typeof svc !== 'object') return undefined;
  return `${svc.namespace ?? ''}/${svc.name ?? ''}:${svc.port ?? 443}`;
}

/** The Available condition's reason when it is not True (`FailedDiscoveryCheck`, `MissingEndpoints`, …). */
export function unavailableReason(s: APIServiceObject): string | undefined {
  const available = s.status?.conditions?.find((c) => c.type === 'Available');
  if (available?.status === 'True') return undefined;
  if (!available) return 'Unknown';
  return available.reason || available.status;
}

export function toneOf(status: number): Tone {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400) return 'error';
  return 'neutral';
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function requestEntry(record: RequestRecord, seq: number): RequestEntry {
  const path = pathOf(record.url);
  const r = record.route;
  let route: string[];
  let routeText: string;
  switch (r.kind) {
    case 'local':
      route = [CLIENT, APISERVER, LOCAL];
      routeText = `local ${r.apiService}`;
      break;
    case 'proxied':
      route = [CLIENT, APISERVER, extensionId(r.service)];
      routeText = `proxied to ${r.service} (${r.apiService})`;
      break;
    case 'notfound':
      route = [CLIENT, APISERVER];
      routeText = 'no APIService serves this path';
      break;
    default:
      route = [CLIENT, APISERVER];
      routeText = 'kube-apiserver';
  }
  return {
    seq,
    method: record.method,
    path,
    status: record.status,
    tone: toneOf(record.status),
    route,
    routeText,
    text: `${record.method} ${path} ${record.status} → ${routeText}`,
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Layout: three columns, the extension servers stacked in the right one below the local handlers.
const boxWidth = 200;
const boxHeight = 52;
const columnX = [16, 296, 596];
const rowGap = 24;
const top = 16;

/**
 * The diagram for the cluster's APIServices and the requests seen so far (oldest first; only the
 * last `requestHistory` are kept). An extension server a request reached that is no longer
 * registered still gets its box, so the request has somewhere to go.
 */
export function buildDiagram(apiServices: readonly APIServiceObject[], records: readonly { record: RequestRecord; seq: number }[]): DiagramModel {
  const locals = apiServices.filter((s) => backendOf(s) === undefined);
  const backends = new Map<string, APIServiceObject[]>();
  for (const s of apiServices) {
    const b = backendOf(s);
    if (b !== undefined) backends.set(b, [...(backends.get(b) ?? []), s]);
  }
  const requests = records.slice(-requestHistory).map(({ record, seq }) => requestEntry(record, seq));
  for (const { record } of records.slice(-requestHistory)) {
    if (record.route.kind === 'proxied' && !backends.has(record.route.service)) backends.set(record.route.service, []);
  }

  const rightColumn = 1 + backends.size;
  const height = top * 2 + rightColumn * boxHeight + (rightColumn - 1) * rowGap;
  const middleY = (height - boxHeight) / 2;

  const nodes: DiagramNode[] = [
    { id: CLIENT, kind: 'client', label: 'kubectl', detail: 'the terminal', x: columnX[0], y: middleY, width: boxWidth, height: boxHeight },
    {
      id: APISERVER,
      kind: 'apiserver',
      label: 'kube-apiserver',
      detail: 'aggregation layer',
      x: columnX[1],
      y: middleY,
      width: boxWidth,
      height: boxHeight,
    },
    {
      id: LOCAL,
      kind: 'local',
      label: 'local handlers',
      detail: `${locals.length} Local APIService${locals.length === 1 ? '' : 's'}`,
      x: columnX[2],
      y: top,
      width: boxWidth,
      height: boxHeight,
    },
  ];
  const edges: DiagramEdge[] = [
    { id: `${CLIENT}->${APISERVER}`, from: CLIENT, to: APISERVER, broken: false, label: '' },
    { id: `${APISERVER}->${LOCAL}`, from: APISERVER, to: LOCAL, broken: false, label: '' },
  ];

  [...backends.keys()].sort(byName).forEach((service, i) => {
    const served = (backends.get(service) ?? []).slice().sort((a, b) => byName(a.metadata.name, b.metadata.name));
    const id = extensionId(service);
    nodes.push({
      id,
      kind: 'extension',
      label: service,
      detail: served.length > 0 ? served.map((s) => s.metadata.name).join(', ') : 'no APIService',
      x: columnX[2],
      y: top + (i + 1) * (boxHeight + rowGap),
      width: boxWidth,
      height: boxHeight,
    });
    const unavailable = served.flatMap((s) => {
      const reason = unavailableReason(s);
      return reason === undefined ? [] : [`${s.metadata.name}: ${reason}`];
    });
    const broken = served.length === 0 || unavailable.length === served.length;
    edges.push({
      id: `${APISERVER}->${id}`,
      from: APISERVER,
      to: id,
      broken,
      label: served.length === 0 ? 'not registered' : unavailable.join(', '),
    });
  });

  return { nodes, edges, width: columnX[2] + boxWidth + 16, height, requests };
}

/** The picture in words, for the SVG's description. */
export function describeDiagram(model: DiagramModel): string {
  const local = model.nodes.find((n) => n.id === LOCAL);
  const extensions = model.nodes.filter((n) => n.kind === 'extension');
  const parts = [`kubectl sends requests to kube-apiserver, whose aggregation layer routes them to the local handlers (${local?.detail ?? ''})`];
  if (extensions.length === 0) parts.push('no extension API server is registered');
  for (const n of extensions) {
    const edge = model.edges.find((e) => e.to === n.id);
    parts.push(`or proxies them to ${n.label} for ${n.detail}${edge?.broken ? `, which is unavailable (${edge.label})` : edge?.label ? ` (${edge.label})` : ''}`);
  }
  return parts.join('; ') + '.';
}
