// What the parts of the simulated cluster share: the store, the served kinds, the clock, the
// controllers, and the in-process extension servers reachable behind Services.

import type { Clock } from './clock.ts';
import type { ControllerManager } from './controller.ts';
import type { ResourceRegistry } from './resources.ts';
import type { ObjectStore } from './store.ts';

/** A server as the sim models one: the Fetch API's request in, response out. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Extension API servers, keyed by the Service that fronts them: `namespace/name:port`. */
export class BackendRegistry {
  private handlers = new Map<string, FetchHandler>();
  /** Bumped on every registration, so what was resolved against the old set can be told stale. */
  generation = 0;

  static key(namespace: string, name: string, port: number): string {
    return `${namespace}/${name}:${port}`;
  }

  register(namespace: string, name: string, port: number, handler: FetchHandler): void {
    this.handlers.set(BackendRegistry.key(namespace, name, port), handler);
    this.generation++;
  }

  lookup(namespace: string, name: string, port: number): FetchHandler | undefined {
    return this.handlers.get(BackendRegistry.key(namespace, name, port));
  }

  keys(): string[] {
    return [...this.handlers.keys()];
  }
}

export interface ClusterContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  clock: Clock;
  controllers: ControllerManager;
  backends: BackendRegistry;
}

/** The identity a request runs as. The sim has one user, a kubeadm-style cluster admin. */
export const clusterAdmin = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
