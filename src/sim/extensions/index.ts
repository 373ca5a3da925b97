// The extension API servers of the default scenario, registered behind the Services that front
// them: the aggregator proxies to whatever is registered for an APIService's service and port.

import type { ClusterContext } from '../context.ts';
import { createCustomApiServer, type CustomApiServerDeps } from './custom-api-server.ts';
import { createMetricsServer } from './metrics-server.ts';

export { createMetricsServer, type MetricsServerDeps } from './metrics-server.ts';
export { createCustomApiServer, type CustomApiServerDeps } from './custom-api-server.ts';
export { LegacyInventory } from './legacy-inventory.ts';

export interface ExtensionServerOptions {
  /** The custom API server's legacy database, for lessons that change it while the cluster runs. */
  inventory?: CustomApiServerDeps['inventory'];
}

/** metrics-server at kube-system/metrics-server:443, the custom API server at default/custom-api-server:443. */
export function registerExtensionServers(ctx: ClusterContext, options: ExtensionServerOptions = {}): void {
  ctx.backends.register('kube-system', 'metrics-server', 443, createMetricsServer({ lookup: ctx.store, clock: ctx.clock }));
  ctx.backends.register('default', 'custom-api-server', 443, createCustomApiServer({ clock: ctx.clock, inventory: options.inventory }));
}
