// Requests per second of the simulated cluster, in-process (no HTTP), for the requests the course
// leans on most. The floor is what the Fetch API alone allows for the same body: building the
// Request, a Response with the same bytes, and reading it — the part of each request that is not
// the sim.
import { createCluster } from '../../src/sim/cluster.ts';
import { readScenario } from './scenarios.ts';

export const SIM_TARGET = 20_000;

const aggregatedAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

const SIM_CASES = [
  { name: 'GET /apis (legacy APIGroupList)', path: '/apis', accept: 'application/json' },
  { name: 'GET /apis (aggregated discovery)', path: '/apis', accept: aggregatedAccept },
  { name: 'GET /apis/metrics.k8s.io/v1beta1/nodes (proxied)', path: '/apis/metrics.k8s.io/v1beta1/nodes', accept: 'application/json, */*' },
  { name: 'LIST apiservices as Table', path: '/apis/apiregistration.k8s.io/v1/apiservices?limit=500', accept: tableAccept },
];

export interface SimRate {
  name: string;
  reqPerSecond: number;
  /** Absent when measured with `{ floor: false }`. */
  floorPerSecond?: number;
  bodyBytes: number;
}

/** Calls per second of `fn`, after a warm-up that lets the JIT settle. */
async function rateOf(fn: () => Promise<void>, seconds: number): Promise<number> {
  for (let i = 0; i < 5000; i++) await fn();
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await fn();
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

/**
 * Each case's rate over `seconds` of calls, on a fresh cluster with the default scenario, and its
 * floor over half as long unless `floor: false`.
 */
export async function measureSimThroughput(seconds: number, { floor: withFloor = true } = {}): Promise<SimRate[]> {
  const cluster = await createCluster({ scenario: readScenario('default') });
  const rates: SimRate[] = [];
  for (const c of SIM_CASES) {
    const request = () => new Request(`http://127.0.0.1${c.path}`, { headers: { Accept: c.accept } });
    const run = async () => {
      const res = await cluster.fetch(request());
      if (res.status !== 200) throw new Error(`${c.path}: HTTP ${res.status}`);
      await res.arrayBuffer();
    };
    const sample = await cluster.fetch(request());
    const bytes = new Uint8Array(await sample.arrayBuffer());
    const contentType = sample.headers.get('Content-Type') ?? 'application/json';
    const body = bytes.buffer; // an ArrayBuffer, as the sim hands over its cached bodies
    const floor = async () => {
      request();
      await new Response(body, { headers: { 'Content-Type': contentType } }).arrayBuffer();
    };
    const rate: SimRate = { name: c.name, reqPerSecond: await rateOf(run, seconds), bodyBytes: bytes.length };
    if (withFloor) rate.floorPerSecond = await rateOf(floor, seconds / 2);
    rates.push(rate);
  }
  return rates;
}
