// npm run bench:sim — requests per second of the simulated cluster, in-process (no HTTP), for
// the requests the course leans on most (scripts/lib/sim-throughput.ts). Target on a 2-core
// machine: >= 20,000 req/s each. BENCH_SECONDS sets the time per case (default 2).
import { formatTable } from './lib/page-weight.ts';
import { SIM_TARGET, measureSimThroughput } from './lib/sim-throughput.ts';

async function main(): Promise<void> {
  const rates = await measureSimThroughput(Number(process.env.BENCH_SECONDS ?? 2));
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const rows = rates.map((r) => [r.name, n(r.reqPerSecond), r.floorPerSecond === undefined ? '' : n(r.floorPerSecond), n(r.bodyBytes), `>= ${n(SIM_TARGET)}`, r.reqPerSecond >= SIM_TARGET ? 'yes' : 'NO']);
  console.log(formatTable([['request', 'req/s', 'floor req/s', 'body bytes', 'target', 'met'], ...rows]));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
