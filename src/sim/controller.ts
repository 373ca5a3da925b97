// Controllers as kube-controller-manager and kube-aggregator run them: each watches store writes,
// queues keys, and reconciles. The cluster settles (runs every queue dry) after each write, so a
// kubectl command sees the state the controllers have already converged to.

import type { StoreEvent } from './store.ts';

export interface Controller {
  readonly name: string;
  /** Called for every store write. Queue work here; do not write to the store. */
  observe(e: StoreEvent): void;
  /** Reconcile what was queued. May write (which queues more work). Returns whether anything was queued. */
  sync(): Promise<boolean> | boolean;
  /** Queue everything again, as an informer's periodic resync does. */
  resyncAll?(): void;
}

export class ControllerManager {
  private controllers: Controller[] = [];
  private settling: Promise<void> | undefined;

  add(c: Controller): void {
    this.controllers.push(c);
  }

  observe(e: StoreEvent): void {
    for (const c of this.controllers) c.observe(e);
  }

  resyncAll(): void {
    for (const c of this.controllers) c.resyncAll?.();
  }

  /** Run every controller until none has work left (bounded, so a bad loop cannot hang a request). */
  settle(): Promise<void> {
    this.settling ??= this.run().finally(() => (this.settling = undefined));
    return this.settling;
  }

  private async run(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      let busy = false;
      for (const c of this.controllers) if (await c.sync()) busy = true;
      if (!busy) return;
    }
  }
}
