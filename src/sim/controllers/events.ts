// client-go's EventRecorder as the controllers use it: core/v1 Events named
// `<object>.<nanoseconds in hex>`, written to the involved object's namespace.

import { rfc3339 } from '../clock.ts';
import type { ObjectStore } from '../store.ts';
import type { KubeObject } from '../types.ts';
import { eventsGR } from './workqueue.ts';


export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  /** The node a kubelet reports from. */
  host?: string;
  /** The part of the object the event is about, e.g. `spec.containers{nginx}`. */
  fieldPath?: string;
}

export class EventRecorder {
  private sequence = 0;
  private readonly store: ObjectStore;

  constructor(store: ObjectStore) {
    this.store = store;
  }

  /** An event name's suffix: like Go's `%x` of UnixNano, kept unique within one millisecond. */
  private suffix(time: number): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    return (BigInt(Math.floor(time)) * 1_000_000n + BigInt(this.sequence)).toString(16);
  }

  record(involved: KubeObject, spec: EventSpec, time: number): void {
    recordEvent(this.store, involved, spec, time, this.suffix(time));
  }

  /**
   * An event written through the events.k8s.io/v1 API (the scheduler's), as core/v1 shows it:
   * eventTime and the reporting controller instead of timestamps, count and source.
   */
  recordV1(involved: KubeObject, spec: EventSpec & { action: string; instance: string }, time: number): void {
    const event: KubeObject = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: `${involved.metadata.name}.${this.suffix(time)}`, namespace: involved.metadata.namespace || 'default' },
      involvedObject: reference(involved),
      reason: spec.reason,
      message: spec.message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type: spec.type,
      eventTime: new Date(Math.floor(time)).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
      action: spec.action,
      reportingComponent: spec.component,
      reportingInstance: spec.instance,
    };
    try {
      this.store.create(eventsGR, event, time);
    } catch {
      // best-effort, as below
    }
  }
}

function reference(involved: KubeObject, fieldPath?: string): Record<string, unknown> {
  const ref: Record<string, unknown> = {
    kind: involved.kind,
    namespace: involved.metadata.namespace,
    name: involved.metadata.name,
    uid: involved.metadata.uid,
    apiVersion: involved.apiVersion,
    resourceVersion: involved.metadata.resourceVersion,
  };
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

function recordEvent(store: ObjectStore, involved: KubeObject, spec: EventSpec, time: number, suffix: string): void {
  const namespace = involved.metadata.namespace || 'default';
  const timestamp = rfc3339(time);
  const event: KubeObject = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: `${involved.metadata.name}.${suffix}`, namespace },
    involvedObject: reference(involved, spec.fieldPath),
    reason: spec.reason,
    message: spec.message,
    source: spec.host ? { component: spec.component, host: spec.host } : { component: spec.component },
    firstTimestamp: timestamp,
    lastTimestamp: timestamp,
    count: 1,
    type: spec.type,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  };
  try {
    store.create(eventsGR, event, time);
  } catch {
    // An event is best-effort: a name clash loses it, as a full event queue would.
  }
}
