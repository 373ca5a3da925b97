// The Events section of kubectl describe: the object's events found by field selector
// (searchEvents) and printed as DescribeEvents does, as a table of its own.

import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { core } from './fetch.ts';
import type { CommandContext } from '../cmd/command.ts';
import { goSortSlice } from '../printers/go_sort.ts';
import { since, type DescribeWriter } from './writer.ts';
import { caller } from '../rest/body_log.ts';

export interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
}

/** What searchEvents selects on: the involved object's name and namespace, and its kind and uid when known. */
interface EventReference {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** The describe flags every describer reads. */
export interface DescriberSettings {
  showEvents: boolean;
  /** --chunk-size: the `limit` of list requests; 0 sends none. */
  chunkSize: number;
}

export const limitParam = (settings: DescriberSettings) => (settings.chunkSize > 0 ? String(settings.chunkSize) : undefined);

/** searchEvents: one list of core/v1 events; a failed search leaves the list empty (describers ignore the error). */
export async function searchEvents(ctx: CommandContext, ref: EventReference, settings: DescriberSettings): Promise<CoreEvent[]> {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  try {
    const list = await ctx.client().getJSON<{ items?: CoreEvent[] }>({ caller: caller.typedList,
      path: resourcePath(core('events'), ref.namespace) + encodeQuery({ fieldSelector: terms.join(','), limit: limitParam(settings) }),
      accept: accept.protobufPreferred,
    });
    return list.items ?? [];
  } catch {
    return [];
  }
}

/** Events when --show-events (the default) is on. */
export const eventsFor = (ctx: CommandContext, ref: EventReference, settings: DescriberSettings) =>
  settings.showEvents ? searchEvents(ctx, ref, settings) : Promise.resolve(undefined);

const timeOf = (ts: string | null | undefined) => (ts ? Date.parse(ts) : Number.NEGATIVE_INFINITY);

/** DescribeEvents: `<none>`, or a flush and a table sorted by last timestamp. */
export function describeEvents(w: DescribeWriter, events: CoreEvent[], now: Date): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSortSlice([...events], (a, b) => timeOf(a.lastTimestamp) < timeOf(b.lastTimestamp));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(now, e.eventTime) : since(now, e.firstTimestamp);
    let interval = first;
    if (e.series) interval = `${since(now, e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(now, e.lastTimestamp)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
