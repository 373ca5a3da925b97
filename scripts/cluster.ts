// npm run cluster -- --port 8080 [--scenario NAME]
// Serves the simulated cluster over HTTP on 127.0.0.1 until stopped.

import { parseArgs } from 'node:util';
import { createCluster } from '../src/sim/cluster.ts';
import { serveHttp } from './lib/http-server.ts';
import { readScenario } from './lib/scenarios.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      scenario: { type: 'string', default: 'default' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port "${values.port}"`);
  const cluster = await createCluster({ scenario: readScenario(values.scenario), scenarios: readScenario });
  const server = await serveHttp(cluster.fetch, port);
  console.log(`listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
