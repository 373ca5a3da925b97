// The loop the workload controllers share, as client-go's informer + workqueue pattern runs it:
// events queue object keys; a sync drains the queue, looks each key up again, and acts on what
// still exists, at the moment the reaction is due.

import type { ClusterContext } from '../context.ts';
import type { Controller } from '../controller.ts';
import type { GroupResource } from '../errors.ts';
import type { StoreEvent } from '../store.ts';
import type { KubeObject } from '../types.ts';
import type { EventRecorder } from './events.ts';
import { ReactionTime, splitKey, WorkQueue } from './workqueue.ts';

export abstract class KeyedController implements Controller {
  abstract readonly name: string;
  protected readonly queue = new WorkQueue();
  protected readonly ctx: ClusterContext;
  protected readonly events: EventRecorder;
  protected readonly time: ReactionTime;
  /** The kind whose keys the queue holds. */
  private readonly gr: GroupResource;

  constructor(ctx: ClusterContext, events: EventRecorder, gr: GroupResource) {
    this.ctx = ctx;
    this.events = events;
    this.gr = gr;
    this.time = new ReactionTime(ctx.clock);
  }

  abstract observe(e: StoreEvent): void;

  /** Act on one queued object that still exists; `at` is when the reaction happens. */
  protected abstract handle(obj: KubeObject, at: number): void;

  sync(): boolean {
    const keys = this.queue.drain();
    for (const key of keys) {
      const [namespace, name] = splitKey(key);
      const obj = this.ctx.store.get(this.gr, namespace, name);
      const at = this.time.take(key);
      if (obj) this.handle(obj, at);
    }
    return keys.length > 0;
  }
}
