// Fills in a Service's ClusterIP when it was stored without one (the registry allocates inside
// the create request when it can reach the store; this covers everything else, like the
// apiserver's repair loop keeps the allocator and the Services consistent).

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { StoreEvent } from '../store.ts';
import { allocateClusterIP, needsClusterIP } from '../core/ipallocator.ts';
import { clone } from '../types.ts';
import { specOf } from '../core/objects.ts';
import { assignClusterIP } from '../core/services.ts';
import { isGR, keyOf, servicesGR, splitKey, WorkQueue } from './workqueue.ts';

export class ServiceIPRepairController implements Controller {
  readonly name = 'service-ipallocator';
  private queue = new WorkQueue();
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (isGR(e, servicesGR) && e.type !== 'DELETED' && needsClusterIP(specOf(e.object))) this.queue.add(keyOf(e.object));
  }

  sync(): boolean {
    const keys = this.queue.drain();
    for (const key of keys) {
      const [namespace, name] = splitKey(key);
      const svc = this.ctx.store.get(servicesGR, namespace, name);
      if (!svc || !needsClusterIP(specOf(svc))) continue;
      const next = clone(svc);
      assignClusterIP(next, allocateClusterIP(namespace ?? '', name, this.ctx.store));
      this.ctx.store.update(servicesGR, next);
    }
    return keys.length > 0;
  }
}
