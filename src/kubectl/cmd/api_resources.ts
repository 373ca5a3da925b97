// kubectl api-resources: the preferred version's resources of each group, stably sorted by
// group (core first), filtered by --api-group, --namespaced, --verbs and --categories.

import { bool, boolFlag, list, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { groupVersionString, type APIResource } from '../discovery.ts';
import { TabWriter, kubectlTableOptions } from '../printers/tabwriter.ts';
import { KubectlError } from '../rest/errors.ts';
import { UsageError, type Command } from './command.ts';

const flags: FlagSpec[] = [
  stringFlag('api-group'),
  boolFlag('cached'),
  sliceFlag('categories'),
  boolFlag('namespaced', undefined, true),
  boolFlag('no-headers'),
  stringFlag('output', 'o'),
  stringFlag('sort-by'),
  sliceFlag('verbs'),
];

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  flags,
  async run(ctx) {
    const output = str(ctx.flags, 'output');
    if (output !== '' && output !== 'wide' && output !== 'name') {
      throw new KubectlError(`--output ${output} is not available`);
    }
    const sortBy = str(ctx.flags, 'sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
    if (ctx.args.length > 0) throw new UsageError('api-resources', `error: unexpected arguments: [${ctx.args.join(' ')}]`);
    // kubectl invalidates its discovery cache first: this command always shows the server's current discovery.
    const discovery = ctx.discovery();
    discovery.invalidate();
    const groups = await discovery.serverGroups();
    const resources: APIResource[] = [];
    const apiGroup = str(ctx.flags, 'api-group');
    const verbs = list(ctx.flags, 'verbs');
    const categories = list(ctx.flags, 'categories');
    const namespacedFilter = ctx.flags.changed.has('namespaced') ? bool(ctx.flags, 'namespaced') : undefined;
    for (const g of groups) {
      // ServerPreferredResources: a resource appears once, in the first version that serves it.
      const seen = new Set<string>();
      for (const v of g.versions) {
        for (const r of v.resources) {
          if (r.name.includes('/') || seen.has(r.name)) continue;
          seen.add(r.name);
          if (apiGroup !== '' && g.name !== apiGroup) continue;
          if (namespacedFilter !== undefined && r.namespaced !== namespacedFilter) continue;
          if (verbs.some((verb) => !r.verbs.includes(verb))) continue;
          if (categories.some((c) => !r.categories.includes(c))) continue;
          resources.push({ ...r, group: g.name, version: v.version });
        }
      }
    }
    const key = (r: APIResource) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group);
    const sorted = resources
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (key(a.r) < key(b.r) ? -1 : key(a.r) > key(b.r) ? 1 : a.i - b.i))
      .map(({ r }) => r);
    if (output === 'name') {
      ctx.out(sorted.map((r) => (r.group ? `${r.name}.${r.group}` : r.name) + '\n').join(''));
      return;
    }
    let text = '';
    const wide = output === 'wide';
    if (!bool(ctx.flags, 'no-headers')) {
      text += ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t') + '\n';
    }
    for (const r of sorted) {
      const cells = [r.name, r.shortNames.join(','), groupVersionString(r.group, r.version), String(r.namespaced), r.kind];
      if (wide) cells.push([...new Set(r.verbs)].sort().join(','), r.categories.join(','));
      text += cells.join('\t') + '\n';
    }
    let out = '';
    const w = new TabWriter((t) => (out += t), kubectlTableOptions);
    w.write(text);
    w.flush();
    ctx.out(out);
  },
};
