// The request-flow diagram: kubectl → kube-apiserver (aggregation layer) → the local handlers or
// each registered extension server, drawn from the live APIService list. Each request kubectl
// sends travels along its path with its method, path and status, and the last ones are listed as
// text (an aria-live list) for screen readers and for copying. Names from the cluster are set as
// text nodes, never parsed as markup.

import type { PlaygroundStore, RequestRecord, APIServiceObject } from '../store.ts';
import { buildDiagram, describeDiagram, requestEntry, requestHistory, type DiagramModel, type DiagramNode, type RequestEntry } from './model.ts';
import diagramCss from './diagram.css?inline';

const SVG = 'http://www.w3.org/2000/svg';

const words = {
  en: { title: 'Request flow through the aggregation layer', log: 'Requests (newest last)', empty: 'No requests yet: run a kubectl command.' },
  ko: { title: '집계 계층을 지나는 요청 흐름', log: '요청 (최근 것이 아래)', empty: '아직 요청이 없습니다. kubectl 명령을 실행해 보세요.' },
};

export interface DiagramHandle {
  /** The model drawn now (for tests and checkers). */
  readonly model: DiagramModel;
  refresh(): Promise<void>;
  destroy(): void;
}

let uid = 0;

function injectStyles(doc: Document): void {
  if (doc.getElementById('apiservice-lab-diagram-css')) return;
  const style = doc.createElement('style');
  style.id = 'apiservice-lab-diagram-css';
  style.textContent = diagramCss;
  doc.head.append(style);
}

function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const right = (n: DiagramNode) => ({ x: n.x + n.width, y: n.y + n.height / 2 });
const left = (n: DiagramNode) => ({ x: n.x, y: n.y + n.height / 2 });

export function mountDiagram(el: HTMLElement, store: PlaygroundStore): DiagramHandle {
  const doc = el.ownerDocument;
  injectStyles(doc);
  const lang = (doc.documentElement.lang || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  const t = words[lang];
  const id = `asl-diagram-${++uid}`;
  const reducedMotion = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)');

  const figure = doc.createElement('figure');
  figure.className = 'asl-diagram';
  const picture = svg(doc, 'svg', { role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` });
  const title = svg(doc, 'title', { id: `${id}-title` }, t.title);
  const desc = svg(doc, 'desc', { id: `${id}-desc` });
  const staticLayer = svg(doc, 'g', { class: 'asl-diagram__static' });
  const motionLayer = svg(doc, 'g', { class: 'asl-diagram__motion', 'aria-hidden': 'true' });
  picture.append(title, desc, staticLayer, motionLayer);
  const logTitle = doc.createElement('p');
  logTitle.className = 'asl-diagram__log-title';
  logTitle.id = `${id}-log`;
  logTitle.textContent = t.log;
  const log = doc.createElement('ol');
  log.className = 'asl-diagram__log';
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-labelledby', logTitle.id);
  figure.append(picture, logTitle, log);
  el.replaceChildren(figure);

  let apiServices: APIServiceObject[] = [];
  const records: { record: RequestRecord; seq: number }[] = [];
  let seq = 0;
  let model = buildDiagram(apiServices, records);
  const edgeElements = new Map<string, SVGPathElement>();

  function drawStatic(): void {
    model = buildDiagram(apiServices, records);
    picture.setAttribute('viewBox', `0 0 ${model.width} ${model.height}`);
    desc.textContent = describeDiagram(model);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    edgeElements.clear();
    const parts: SVGElement[] = [];
    for (const e of model.edges) {
      const a = right(byId.get(e.from)!);
      const b = left(byId.get(e.to)!);
      const mx = (a.x + b.x) / 2;
      const path = svg(doc, 'path', {
        d: `M ${a.x} ${a.y} C ${mx} ${a.y}, ${mx} ${b.y}, ${b.x} ${b.y}`,
        class: `asl-diagram__edge${e.broken ? ' asl-diagram__edge--broken' : ''}`,
        'data-edge': e.id,
      });
      edgeElements.set(e.id, path);
      parts.push(path);
      if (e.label) {
        const label = svg(doc, 'text', { x: mx, y: (a.y + b.y) / 2 - 6, 'text-anchor': 'middle', class: 'asl-diagram__edge-label' }, clip(e.label, 40));
        label.append(svg(doc, 'title', {}, e.label));
        parts.push(label);
      }
    }
    for (const n of model.nodes) {
      const g = svg(doc, 'g', { class: `asl-diagram__node asl-diagram__node--${n.kind}`, 'data-node': n.id });
      g.append(
        svg(doc, 'title', {}, `${n.label}: ${n.detail}`),
        svg(doc, 'rect', { x: n.x, y: n.y, width: n.width, height: n.height, rx: 8, class: 'asl-diagram__box' }),
        svg(doc, 'text', { x: n.x + 10, y: n.y + 21, class: 'asl-diagram__label' }, clip(n.label, 26)),
        svg(doc, 'text', { x: n.x + 10, y: n.y + 39, class: 'asl-diagram__detail' }, clip(n.detail, 34)),
      );
      parts.push(g);
    }
    staticLayer.replaceChildren(...parts);
  }

  function drawLog(): void {
    if (model.requests.length === 0) {
      const li = doc.createElement('li');
      li.className = 'asl-diagram__empty';
      li.textContent = t.empty;
      log.replaceChildren(li);
      return;
    }
    // Keep existing items (so assistive technology announces only the new ones).
    log.querySelector('.asl-diagram__empty')?.remove();
    const keep = new Set(model.requests.map((r) => String(r.seq)));
    for (const li of [...log.children] as HTMLElement[]) if (!keep.has(li.dataset.seq ?? '')) li.remove();
    const shown = new Set([...log.children].map((li) => (li as HTMLElement).dataset.seq));
    for (const r of model.requests) {
      if (shown.has(String(r.seq))) continue;
      log.append(logItem(r));
    }
  }

  function logItem(r: RequestEntry): HTMLLIElement {
    const li = doc.createElement('li');
    li.dataset.seq = String(r.seq);
    li.dataset.route = r.route[r.route.length - 1];
    li.dataset.status = String(r.status);
    const status = doc.createElement('span');
    status.className = `asl-diagram__status--${r.tone}`;
    status.textContent = String(r.status);
    li.append(doc.createTextNode(`${r.method} ${r.path} `), status, doc.createTextNode(` → ${r.routeText}`));
    return li;
  }

  // The paths of the current command's requests stay highlighted until the next command sends
  // its first request (a command may send several: `kubectl top nodes` asks metrics-server, then
  // the apiserver). edgeTone remembers them across redraws.
  const edgeTone = new Map<string, 'ok' | 'error'>();
  let commandDone = true;
  const flashes = new Map<string, SVGTextElement>();
  let frame = 0;

  function paintEdges(): void {
    for (const [edgeId, path] of edgeElements) {
      const tone = edgeTone.get(edgeId);
      path.classList.toggle('asl-diagram__edge--active-ok', tone === 'ok');
      path.classList.toggle('asl-diagram__edge--active-error', tone === 'error');
    }
  }

  /** Draws one request; `startsCommand`: the first of a command's requests, which clears the last command's paths. */
  function animate(r: RequestEntry, startsCommand: boolean): void {
    if (startsCommand) {
      edgeTone.clear();
      for (const f of flashes.values()) f.remove();
      flashes.clear();
    }
    cancelAnimationFrame(frame);
    motionLayer.querySelectorAll('circle').forEach((c) => c.remove());
    const edgeIds: string[] = [];
    for (let i = 0; i + 1 < r.route.length; i++) {
      const edgeId = `${r.route[i]}->${r.route[i + 1]}`;
      edgeIds.push(edgeId);
      // An error anywhere on a shared edge wins over success.
      if (edgeTone.get(edgeId) !== 'error') edgeTone.set(edgeId, r.tone === 'error' ? 'error' : 'ok');
    }
    paintEdges();
    const activeEdges = edgeIds.map((e) => edgeElements.get(e)).filter((p): p is SVGPathElement => p !== undefined);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    const end = byId.get(r.route[r.route.length - 1]);
    if (!end) return;
    const flash = svg(doc, 'text', { x: end.x + end.width / 2, y: Math.max(12, end.y - 6), 'text-anchor': 'middle', class: `asl-diagram__flash asl-diagram__flash--${r.tone}` }, clip(`${r.method} ${r.path} ${r.status}`, 48));
    // An extension box's label sits at the right edge: keep the text inside the picture.
    if (end.kind === 'extension' || end.kind === 'local') flash.setAttribute('x', String(end.x + end.width));
    if (end.kind === 'extension' || end.kind === 'local') flash.setAttribute('text-anchor', 'end');
    // One label per box the command reached: its latest request there.
    flashes.get(end.id)?.remove();
    flashes.set(end.id, flash);
    motionLayer.append(flash);
    if (reducedMotion?.matches) return; // the highlighted path and the label, without movement
    const points = r.route.map((nid) => byId.get(nid)).filter((n): n is DiagramNode => n !== undefined);
    const paths = activeEdges;
    const dot = svg(doc, 'circle', { r: 7, class: `asl-diagram__dot--${r.tone}`, cx: right(points[0]).x, cy: right(points[0]).y });
    motionLayer.append(dot);
    const lengths = paths.map((p) => (typeof p.getTotalLength === 'function' ? p.getTotalLength() : 0));
    const total = lengths.reduce((a, b) => a + b, 0);
    const duration = 900;
    const start = performance.now();
    const step = (now: number) => {
      const k = Math.min(1, (now - start) / duration);
      let d = k * total;
      for (let i = 0; i < paths.length; i++) {
        if (d <= lengths[i] || i === paths.length - 1) {
          const p = paths[i].getPointAtLength(Math.min(d, lengths[i]));
          dot.setAttribute('cx', String(p.x));
          dot.setAttribute('cy', String(p.y));
          break;
        }
        d -= lengths[i];
      }
      if (k < 1) frame = requestAnimationFrame(step);
      else setTimeout(() => dot.remove(), 400);
    };
    if (total > 0) frame = requestAnimationFrame(step);
  }

  let refreshing: Promise<void> | undefined;
  async function refresh(): Promise<void> {
    refreshing ??= (async () => {
      try {
        apiServices = await store.apiServices();
      } catch (err) {
        console.warn('Could not list APIServices for the diagram.', err);
      } finally {
        refreshing = undefined;
      }
      drawStatic();
      paintEdges();
      drawLog();
    })();
    return refreshing;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const offState = store.onStateChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 100);
  });
  const offCommand = store.onCommand(() => {
    commandDone = true;
  });
  // Requests are drawn once per frame, whatever their number: the cluster tells of each one while
  // answering it, and the picture (layout reads included) must not hold the answer up.
  let pending: { entry: RequestEntry; startsCommand: boolean }[] = [];
  let drawFrame = 0;
  const drawPending = () => {
    drawFrame = 0;
    const drawing = pending;
    pending = [];
    const knew = model.nodes.length;
    drawStatic();
    paintEdges();
    drawLog();
    for (const { entry, startsCommand } of drawing) animate(entry, startsCommand);
    // A proxied request to a server the list does not show yet: the list is stale.
    if (model.nodes.length !== knew) void refresh();
  };
  const offRequest = store.onRequest((record) => {
    records.push({ record, seq: ++seq });
    if (records.length > requestHistory) records.splice(0, records.length - requestHistory);
    pending.push({ entry: requestEntry(record, seq), startsCommand: commandDone });
    commandDone = false;
    drawFrame ||= requestAnimationFrame(drawPending);
  });

  drawStatic();
  drawLog();
  void refresh();

  return {
    get model() {
      return model;
    },
    refresh,
    destroy() {
      offState();
      offRequest();
      offCommand();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      cancelAnimationFrame(drawFrame);
      el.replaceChildren();
    },
  };
}
