// core/v1 events: printEvent's Table (the server prints with Wide set, so every column).

import type { ResourceType, TableDefinition } from '../resources.ts';
import { age } from '../../lib/duration.ts';
import { column, nameColumn } from '../table.ts';
import type { KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { objectOf, stringOf } from './objects.ts';

function eventCells(ev: KubeObject, now: number): unknown[] {
  const series = objectOf(ev.series);
  const firstSeen = ev.firstTimestamp ? age(stringOf(ev.firstTimestamp), now) : age(stringOf(ev.eventTime), now);
  let lastSeen = ev.lastTimestamp ? age(stringOf(ev.lastTimestamp), now) : firstSeen;
  let count = typeof ev.count === 'number' ? ev.count : 0;
  if (ev.series) {
    lastSeen = age(stringOf(series.lastObservedTime), now);
    count = typeof series.count === 'number' ? series.count : 0;
  } else if (count === 0) {
    count = 1; // singleton events of the new API carry no count
  }
  const involved = objectOf(ev.involvedObject);
  const kind = stringOf(involved.kind).toLowerCase();
  const target = stringOf(involved.name) ? `${kind}/${stringOf(involved.name)}` : kind;
  const source = objectOf(ev.source);
  const component = stringOf(source.component) || stringOf(ev.reportingComponent);
  const instance = stringOf(source.host) || stringOf(ev.reportingInstance);
  return [
    lastSeen,
    stringOf(ev.type),
    stringOf(ev.reason),
    target,
    stringOf(involved.fieldPath),
    instance ? `${component}, ${instance}` : component,
    stringOf(ev.message).trim(),
    firstSeen,
    count,
    ev.metadata.name ?? '',
  ];
}

export const eventTable: TableDefinition = {
  columns: [
    column('Last Seen', 'string', describe.eventLastTimestamp),
    column('Type', 'string', describe.eventType),
    column('Reason', 'string', describe.eventReason),
    column('Object', 'string', describe.eventInvolvedObject),
    column('Subobject', 'string', describe.eventFieldPath, 1),
    column('Source', 'string', describe.eventSource, 1),
    column('Message', 'string', describe.eventMessage),
    column('First Seen', 'string', describe.eventFirstTimestamp, 1),
    column('Count', 'string', describe.eventCount, 1),
    { ...nameColumn, priority: 1 },
  ],
  cells: (ev, ctx) => eventCells(ev, ctx.now),
};

export const eventBehaviour: Partial<ResourceType> = {
  table: eventTable,
  fieldSelectors: [
    'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
    'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath',
    'reason', 'reportingComponent', 'source', 'type',
  ],
};
