// npm run bench:sim — requests per second of the simulated cluster, in-process (no HTTP), for
// the three requests the course leans on most. Target on a 2-core machine: >= 20,000 req/s each.
// The "floor" column is what the Fetch API alone allows for the same body: building the Request,
// a Response with the same bytes, and reading it — the part of each request that is not the sim.

import { createCluster } from '../src/sim/cluster.ts';
import { readScenario } from './lib/scenarios.ts';

const target = 20_000;
const aggregatedAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

const cases = [
  { name: 'GET /apis (legacy APIGroupList)', path: '/apis', accept: 'application/json' },
  { name: 'GET /apis (aggregated discovery)', path: '/apis', accept: aggregatedAccept },
  { name: 'GET /apis/metrics.k8s.io/v1beta1/nodes (proxied)', path: '/apis/metrics.k8s.io/v1beta1/nodes', accept: 'application/json, */*' },
  { name: 'LIST apiservices as Table', path: '/apis/apiregistration.k8s.io/v1/apiservices?limit=500', accept: tableAccept },
];

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

async function main(): Promise<void> {
  const cluster = await createCluster({ scenario: readScenario('default') });
  const seconds = Number(process.env.BENCH_SECONDS ?? 2);
  const rows: string[][] = [['request', 'req/s', 'floor req/s', 'body bytes', 'target', 'met']];
  for (const c of cases) {
    const run = async () => {
      const res = await cluster.fetch(new Request(`http://127.0.0.1${c.path}`, { headers: { Accept: c.accept } }));
      if (res.status !== 200) throw new Error(`${c.path}: HTTP ${res.status}`);
      await res.arrayBuffer();
    };
    const sample = await cluster.fetch(new Request(`http://127.0.0.1${c.path}`, { headers: { Accept: c.accept } }));
    const bytes = new Uint8Array(await sample.arrayBuffer());
    const contentType = sample.headers.get('Content-Type') ?? 'application/json';
    const floor = async () => {
      new Request(`http://127.0.0.1${c.path}`, { headers: { Accept: c.accept } });
      await new Response(bytes, { headers: { 'Content-Type': contentType } }).arrayBuffer();
    };
    const rate = await rateOf(run, seconds);
    const floorRate = await rateOf(floor, seconds / 2);
    rows.push([
      c.name,
      Math.round(rate).toLocaleString('en-US'),
      Math.round(floorRate).toLocaleString('en-US'),
      bytes.length.toLocaleString('en-US'),
      `>= ${target.toLocaleString('en-US')}`,
      rate >= target ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('   '));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
