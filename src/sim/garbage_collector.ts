// The garbage collector: when an owner is deleted, its dependents (objects whose
// ownerReferences name its uid) go too, and theirs in turn — background propagation, as
// `kubectl delete` asks for.

import type { Controller } from './controller.ts';
import type { ObjectStore, StoreEvent } from './store.ts';

export class GarbageCollector implements Controller {
  readonly name = 'garbagecollector';
  private readonly store: ObjectStore;
  private deletedOwners: string[] = [];

  constructor(store: ObjectStore) {
    this.store = store;
  }

  observe(e: StoreEvent): void {
    if (e.type === 'DELETED' && e.object.metadata.uid) this.deletedOwners.push(e.object.metadata.uid);
  }

  sync(): boolean {
    if (this.deletedOwners.length === 0) return false;
    const owners = new Set(this.deletedOwners);
    this.deletedOwners = [];
    for (const gr of this.store.groupResources()) {
      for (const obj of [...this.store.list(gr)]) {
        if ((obj.metadata.ownerReferences ?? []).some((ref) => owners.has(ref.uid))) {
          this.store.delete(gr, obj.metadata.namespace, obj.metadata.name ?? '');
        }
      }
    }
    return true;
  }
}
