// Events expire: the apiserver stores them with a one-hour TTL (--event-ttl), so a cluster that
// has been up for days shows only the last hour's events. Checked on every resync.

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { KubeObject } from '../types.ts';
import { eventsGR } from './workqueue.ts';

export const eventTTLms = 60 * 60 * 1000;

function lastSeen(event: KubeObject): number {
  const e = event as { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string } };
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? event.metadata.creationTimestamp ?? '';
  return Date.parse(t) || 0;
}

export class EventTTLController implements Controller {
  readonly name = 'event-ttl';
  private readonly ctx: ClusterContext;
  private due = false;

  constructor(ctx: ClusterContext) {
    this.ctx = ctx;
  }

  observe(): void {}

  resyncAll(): void {
    this.due = true;
  }

  sync(): boolean {
    if (!this.due) return false;
    this.due = false;
    const cutoff = this.ctx.clock.now() - eventTTLms;
    for (const event of [...this.ctx.store.list(eventsGR)]) {
      if (lastSeen(event) < cutoff) this.ctx.store.delete(eventsGR, event.metadata.namespace, event.metadata.name ?? '');
    }
    return false;
  }
}
