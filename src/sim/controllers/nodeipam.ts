// The node IPAM controller (range allocator): each Node without a podCIDR gets the next free
// /24 of the cluster CIDR 10.244.0.0/16, as kubeadm and kind configure it.

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { StoreEvent } from '../store.ts';
import { clone } from '../types.ts';
import { specOf, stringOf } from '../core/objects.ts';
import { isGR, keyOf, nodesGR, WorkQueue } from './workqueue.ts';

export class NodeIpamController implements Controller {
  readonly name = 'nodeipam';
  private queue = new WorkQueue();
  private readonly ctx: ClusterContext;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(e: StoreEvent): void {
    if (isGR(e, nodesGR) && e.type !== 'DELETED' && !specOf(e.object).podCIDR) this.queue.add(keyOf(e.object));
  }

  sync(): boolean {
    const keys = this.queue.drain();
    for (const name of keys) {
      const node = this.ctx.store.get(nodesGR, undefined, name);
      if (!node || specOf(node).podCIDR) continue;
      const used = new Set(this.ctx.store.list(nodesGR).map((n) => stringOf(specOf(n).podCIDR)));
      let i = 0;
      while (used.has(`10.244.${i}.0/24`) && i < 255) i++;
      const cidr = `10.244.${i}.0/24`;
      const next = clone(node);
      const { podCIDR: _a, podCIDRs: _b, ...rest } = specOf(next);
      next.spec = { podCIDR: cidr, podCIDRs: [cidr], ...rest };
      this.ctx.store.update(nodesGR, next);
    }
    return keys.length > 0;
  }
}
