// kubectl top node|pod: resource usage from the Metrics API (metrics.k8s.io/v1beta1), laid out
// as kubectl's metricsutil.TopCmdPrinter does: tab-terminated cells (so every line ends in
// padding), CPU in millicores rounded up, memory in Mi rounded down, node percentages truncated.

import { groupsFromAggregated, type APIGroup } from '../discovery.ts';
import { boolFlag, bool, str, stringFlag } from '../flags.ts';
import { helpText } from '../help/index.ts';
import { goSortSlice } from '../printers/go_sort.ts';
import { TabWriter, kubectlTableOptions } from '../printers/tabwriter.ts';
import { accept } from '../rest/client.ts';
import { ExitError, KubectlError } from '../rest/errors.ts';
import { encodeQuery, pathEscape } from '../rest/paths.ts';
import { quantityMilliValue, quantityOf, quantityValue, sumQuantities, type Quantity } from '../quantity.ts';
import { UsageError, type Command, type CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';

type ResourceList = Record<string, string | undefined>;

interface NodeMetrics {
  metadata?: { name?: string };
  usage?: ResourceList;
}

interface PodMetrics {
  metadata?: { name?: string; namespace?: string };
  containers?: { name?: string; usage?: ResourceList }[];
}

interface Node {
  metadata?: { name?: string };
  status?: { allocatable?: ResourceList; capacity?: ResourceList };
}

interface Pod {
  metadata?: { name?: string; namespace?: string; creationTimestamp?: string };
}

/** Usage of the two measured resources, in kubectl's order. */
interface Usage {
  cpu: Quantity;
  memory: Quantity;
}

const usageOf = (list: ResourceList | undefined): Usage => ({ cpu: quantityOf(list?.cpu), memory: quantityOf(list?.memory) });

const metricsVersion = '/apis/metrics.k8s.io/v1beta1';

/** Top's discovery: ServerGroups without a timeout, every run. */
async function metricsAPIAvailable(ctx: CommandContext): Promise<boolean> {
  const client = ctx.client();
  const groups: APIGroup[] = [];
  for (const [path, source] of [['/api', caller.legacyDiscovery], ['/apis', caller.groupDiscovery]] as const)
    groups.push(...groupsFromAggregated(await client.getJSON({ path, accept: accept.aggregatedDiscovery, caller: source })));
  return groups.some((g) => g.name === 'metrics.k8s.io' && g.versions.some((v) => v.version === 'v1beta1'));
}

function checkSortBy(ctx: CommandContext): string {
  const sortBy = str(ctx.flags, 'sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
  return sortBy;
}

/** One printed cell, as printValue's `%v\t`. */
const cell = (v: string) => `${v}\t`;

function usageCells(u: Usage, available?: Usage): string {
  let out = '';
  for (const res of ['cpu', 'memory'] as const) {
    out += res === 'cpu' ? `${quantityMilliValue(u.cpu)}m` : `${quantityValue(u.memory) / 1048576n}Mi`;
    out += '\t';
    if (available) {
      const fraction = (Number(quantityMilliValue(u[res])) / Number(quantityMilliValue(available[res]))) * 100;
      // int64() of an infinite or NaN float (zero allocatable) is the minimum int64 on amd64.
      out += `${Number.isFinite(fraction) ? Math.trunc(fraction) : '-9223372036854775808'}%\t`;
    }
  }
  return out;
}

const useProtobufFlags = [boolFlag('no-headers'), stringFlag('selector', 'l'), stringFlag('sort-by'), boolFlag('use-protocol-buffers', undefined, true)];

const metricsAccept = (ctx: CommandContext) => (bool(ctx.flags, 'use-protocol-buffers') ? accept.metricsClient : accept.raw);

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  flags: [...useProtobufFlags, boolFlag('show-capacity')],
  async run(ctx) {
    if (ctx.args.length > 1) throw new UsageError('top node', 'node [NAME | -l label]');
    const name = ctx.args[0] ?? '';
    const selector = str(ctx.flags, 'selector');
    const sortBy = checkSortBy(ctx);
    if (name !== '' && selector !== '') throw new KubectlError('only one of NAME or --selector can be provided');
    if (!(await metricsAPIAvailable(ctx))) throw new KubectlError('Metrics API not available');
    const client = ctx.client();
    const nodeMetrics = { group: 'metrics.k8s.io', resource: 'nodes' };
    let metrics: NodeMetrics[];
    if (name !== '') {
      metrics = [await client.getJSON<NodeMetrics>({ caller: caller.typedGet, path: `${metricsVersion}/nodes/${pathEscape(name)}`, accept: metricsAccept(ctx), resource: nodeMetrics, name })];
    } else {
      const list = await client.getJSON<{ items?: NodeMetrics[] }>({ caller: caller.typedList,
        path: `${metricsVersion}/nodes${encodeQuery({ labelSelector: selector || undefined })}`,
        accept: metricsAccept(ctx),
        resource: nodeMetrics,
      });
      metrics = list.items ?? [];
    }
    if (metrics.length === 0) throw new KubectlError('metrics not available yet');
    const nodesResource = { group: '', resource: 'nodes' };
    const nodes: Node[] =
      name !== ''
        ? [await client.getJSON<Node>({ caller: caller.typedGet, path: `/api/v1/nodes/${pathEscape(name)}`, accept: accept.protobufPreferred, resource: nodesResource, name })]
        : ((
            await client.getJSON<{ items?: Node[] }>({ caller: caller.typedList,
              path: `/api/v1/nodes${encodeQuery({ labelSelector: selector || undefined })}`,
              accept: accept.protobufPreferred,
              resource: nodesResource,
            })
          ).items ?? []);
    const available = new Map<string, Usage>();
    const capacity = bool(ctx.flags, 'show-capacity');
    for (const n of nodes) available.set(n.metadata?.name ?? '', usageOf(capacity ? n.status?.capacity : n.status?.allocatable));

    const rows = metrics.map((m) => ({ name: m.metadata?.name ?? '', usage: usageOf(m.usage) }));
    goSortSlice(rows, (a, b) => {
      if (sortBy === 'cpu') return quantityMilliValue(a.usage.cpu) > quantityMilliValue(b.usage.cpu);
      if (sortBy === 'memory') return quantityValue(a.usage.memory) > quantityValue(b.usage.memory);
      return a.name < b.name;
    });
    const w = new TabWriter(ctx.out, kubectlTableOptions);
    if (!bool(ctx.flags, 'no-headers')) w.write(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'].map(cell).join('') + '\n');
    for (const row of rows) {
      w.write(cell(row.name) + usageCells(row.usage, available.get(row.name)) + '\n');
      available.delete(row.name);
    }
    // Nodes without metrics (Go ranges over a map here, so their order is not fixed; sorted here).
    for (const nodeName of [...available.keys()].sort()) w.write(cell(nodeName) + cell('<unknown>').repeat(4) + '\n');
    w.flush();
  },
};

/** checkPodAge: a pod older than two minutes should have metrics by now. */
function checkPodAge(pod: Pod, now: Date): void {
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '');
  const ageMs = now.getTime() - created;
  if (ageMs > 2 * 60 * 1000)
    throw new KubectlError(`Metrics not available for pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}, age: ${goDuration(ageMs)}`);
}

/** time.Duration.String() of a millisecond count (kubectl prints nanoseconds; ours are whole milliseconds). */
function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const secs = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${secs}`;
  if (m > 0) return `${m}m${secs}`;
  return secs;
}

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  flags: [...useProtobufFlags, boolFlag('all-namespaces', 'A'), boolFlag('containers'), stringFlag('field-selector'), boolFlag('sum')],
  async run(ctx) {
    if (ctx.args.length > 1) throw new UsageError('top pod', 'pod [NAME | -l label]');
    const name = ctx.args[0] ?? '';
    const labelSelector = str(ctx.flags, 'selector');
    const fieldSelector = str(ctx.flags, 'field-selector');
    const allNamespaces = bool(ctx.flags, 'all-namespaces');
    const sortBy = checkSortBy(ctx);
    if (name !== '' && (labelSelector !== '' || fieldSelector !== '')) throw new KubectlError('only one of NAME or selector can be provided');
    if (!(await metricsAPIAvailable(ctx))) throw new KubectlError('Metrics API not available');
    const client = ctx.client();
    const namespace = allNamespaces ? '' : ctx.namespace;
    const nsPath = namespace ? `/namespaces/${pathEscape(namespace)}` : '';
    const podMetrics = { group: 'metrics.k8s.io', resource: 'pods' };
    const selectors = { labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined };
    let metrics: PodMetrics[];
    if (name !== '') {
      metrics = [await client.getJSON<PodMetrics>({ caller: caller.typedGet, path: `${metricsVersion}${nsPath}/pods/${pathEscape(name)}`, accept: metricsAccept(ctx), resource: podMetrics, name })];
    } else {
      const list = await client.getJSON<{ items?: PodMetrics[] }>({ caller: caller.typedList,
        path: `${metricsVersion}${nsPath}/pods${encodeQuery(selectors)}`,
        accept: metricsAccept(ctx),
        resource: podMetrics,
      });
      metrics = list.items ?? [];
    }
    if (metrics.length === 0) {
      // verifyEmptyMetrics: no pods at all is fine; pods that should have metrics are an error.
      const pods = { group: '', resource: 'pods' };
      if (name !== '') {
        checkPodAge(await client.getJSON<Pod>({ caller: caller.typedGet, path: `/api/v1${nsPath}/pods/${pathEscape(name)}`, accept: accept.protobufPreferred, resource: pods, name }), ctx.now());
        throw new KubectlError('metrics not available yet');
      }
      const list = await client.getJSON<{ items?: Pod[] }>({ caller: caller.typedList, path: `/api/v1${nsPath}/pods${encodeQuery(selectors)}`, accept: accept.protobufPreferred, resource: pods });
      if ((list.items ?? []).length > 0) {
        for (const pod of list.items ?? []) checkPodAge(pod, ctx.now());
        throw new KubectlError('metrics not available yet');
      }
      ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }

    const containers = bool(ctx.flags, 'containers');
    const rows = metrics.map((m) => {
      const cs = (m.containers ?? []).map((c) => ({ name: c.name ?? '', usage: usageOf(c.usage) }));
      const usage = { cpu: sumQuantities(cs.map((c) => c.usage.cpu)), memory: sumQuantities(cs.map((c) => c.usage.memory)) };
      return { namespace: m.metadata?.namespace ?? '', name: m.metadata?.name ?? '', usage, containers: cs };
    });
    goSortSlice(rows, (a, b) => {
      if (sortBy === 'cpu') return quantityMilliValue(a.usage.cpu) > quantityMilliValue(b.usage.cpu);
      if (sortBy === 'memory') return quantityValue(a.usage.memory) > quantityValue(b.usage.memory);
      if (allNamespaces && a.namespace !== b.namespace) return a.namespace < b.namespace;
      return a.name < b.name;
    });
    const w = new TabWriter(ctx.out, kubectlTableOptions);
    let columns = 3;
    if (!bool(ctx.flags, 'no-headers')) {
      let header = '';
      if (allNamespaces) {
        header += cell('NAMESPACE');
        columns++;
      }
      if (containers) {
        header += cell('POD');
        columns++;
      }
      w.write(header + ['NAME', 'CPU(cores)', 'MEMORY(bytes)'].map(cell).join('') + '\n');
    }
    for (const row of rows) {
      const prefix = allNamespaces ? cell(row.namespace) : '';
      if (!containers) {
        w.write(prefix + cell(row.name) + usageCells(row.usage) + '\n');
        continue;
      }
      goSortSlice(row.containers, (a, b) => {
        if (sortBy === 'cpu') return quantityMilliValue(a.usage.cpu) > quantityMilliValue(b.usage.cpu);
        if (sortBy === 'memory') return quantityValue(a.usage.memory) > quantityValue(b.usage.memory);
        return a.name < b.name;
      });
      for (const c of row.containers) w.write(prefix + cell(row.name) + cell(c.name) + usageCells(c.usage) + '\n');
    }
    if (bool(ctx.flags, 'sum')) {
      const total = {
        cpu: sumQuantities(rows.map((r) => r.usage.cpu)),
        memory: sumQuantities(rows.map((r) => r.usage.memory)),
      };
      w.write(cell('').repeat(Math.max(0, columns - 2)) + cell('________') + cell('________') + '\n');
      w.write(cell('').repeat(Math.max(0, columns - 3)) + cell('') + usageCells(total) + '\n');
    }
    w.flush();
  },
};

export const topCommand: Command = {
  name: 'top',
  flags: [],
  subcommands: [topNode, topPod],
  async run(ctx) {
    // cmdutil.DefaultSubCommandRun: help on stderr, then exit 1; arguments are unknown commands.
    if (ctx.args.length > 0) throw new UsageError('top', `unknown command ${JSON.stringify(ctx.args[0])}`);
    ctx.err((await helpText('top')) ?? '');
    throw new ExitError(1);
  },
};
