// kubectl delete TYPE NAME..., TYPE/NAME..., -f FILE: one DELETE per object with
// {"propagationPolicy":"Background"}, `KIND "NAME" deleted` printed after each, then (--wait,
// the default) a GET of each deleted object until the server answers 404.

import { bool, boolFlag, intFlag, num, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { isNotFound, KubectlError, reduceErrors } from '../rest/errors.ts';
import type { RESTMapping } from '../restmapper.ts';
import { kindPrefix } from '../restmapper.ts';
import { addSourceToErr, buildFromFiles } from '../resource/builder.ts';
import { encodeObject } from '../resource/manifest.ts';
import { OpenAPIV3 } from '../resource/openapi.ts';
import { dryRunStrategy, dryRunSuffix } from './apply.ts';
import type { Command, CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';
import { SeparateTypeArgumentError } from '../resource/args.ts';

const flags: FlagSpec[] = [
  boolFlag('all'),
  boolFlag('all-namespaces', 'A'),
  stringFlag('cascade', undefined, 'background'),
  stringFlag('dry-run', undefined, 'none'),
  stringFlag('field-selector'),
  sliceFlag('filename', 'f'),
  boolFlag('force'),
  intFlag('grace-period', undefined, -1),
  boolFlag('ignore-not-found'),
  boolFlag('interactive', 'i'),
  stringFlag('kustomize', 'k'),
  boolFlag('now'),
  stringFlag('output', 'o'),
  stringFlag('raw'),
  boolFlag('recursive', 'R'),
  stringFlag('selector', 'l'),
  stringFlag('timeout', undefined, '0s'),
  boolFlag('wait', undefined, true),
];

export interface Target {
  mapping: RESTMapping;
  namespace: string;
  name: string;
  source: string;
}

export const missingResourceMessage =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The builder's ResourceTypeOrNameArgs for commands that need names: `TYPE NAME...` or `TYPE/NAME...`. */
export async function targetsFromArgs(ctx: CommandContext, args: string[]): Promise<Target[]> {
  const slashed = args.filter((a) => a.includes('/'));
  let pairs: { type: string; name: string }[];
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new SeparateTypeArgumentError();
    }
    pairs = args.map((a) => ({ type: a.slice(0, a.indexOf('/')), name: a.slice(a.indexOf('/') + 1) }));
  } else {
    if (args.length < 2) throw new KubectlError('resource(s) were provided, but no name was specified');
    pairs = [];
    for (const type of args[0]!.split(',').filter((t) => t !== '')) for (const name of args.slice(1)) pairs.push({ type, name });
  }
  return ctx.withMapper((mapper) =>
    pairs.map(({ type, name }) => {
      const mapping = mapper.mappingFor(type);
      return { mapping, name, namespace: mapping.resource.namespaced ? ctx.namespace : '', source: '' };
    }),
  );
}

/** `TYPE[,TYPE] -l SELECTOR` or `--all`: each type listed (selector applied), every item a target. */
async function listTargets(ctx: CommandContext, selector: string): Promise<Target[]> {
  if (ctx.args.length > 1 || ctx.args[0]?.includes('/')) throw new KubectlError('name cannot be provided when a selector is specified');
  const allNamespaces = bool(ctx.flags, 'all-namespaces');
  const types = ctx.args[0]!.split(',').filter((t) => t !== '');
  const mappings = await ctx.withMapper((mapper) => types.map((type) => mapper.mappingFor(type)));
  const targets: Target[] = [];
  for (const mapping of mappings) {
    const r = mapping.resource;
    const list = await ctx.client().getJSON<{ items?: { metadata?: { name?: string; namespace?: string } }[] }>({ caller: caller.resourceList,
      path:
        resourcePath(r, allNamespaces ? undefined : ctx.namespace) +
        encodeQuery({ labelSelector: selector || undefined, fieldSelector: str(ctx.flags, 'field-selector') || undefined }),
      accept: accept.json,
      resource: { group: r.group, resource: r.name },
    });
    for (const item of list.items ?? []) {
      targets.push({ mapping, name: item.metadata?.name ?? '', namespace: r.namespaced ? (item.metadata?.namespace ?? ctx.namespace) : '', source: '' });
    }
  }
  return targets;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const deleteCommand: Command = {
  name: 'delete',
  flags,
  async run(ctx) {
    const filenames = (ctx.flags.values.get('filename') as string[] | undefined) ?? [];
    const selector = str(ctx.flags, 'selector');
    const all = bool(ctx.flags, 'all');
    if (all && selector !== '') throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    // The grace period as kubectl settles it: 0 means 1 unless forced, --force alone means 0, --now means 1.
    let gracePeriod = num(ctx.flags, 'grace-period');
    const force = bool(ctx.flags, 'force');
    if (gracePeriod === 0 && !force) gracePeriod = 1;
    if (force && gracePeriod < 0) gracePeriod = 0;
    if (bool(ctx.flags, 'now')) {
      if (gracePeriod !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      gracePeriod = 1;
    }
    if (filenames.length === 0 && ctx.args.length === 0) throw new KubectlError(missingResourceMessage);
    const dryRun = dryRunStrategy(ctx);
    const immediate = gracePeriod === 0 && force;
    const warnImmediate = () =>
      ctx.err(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      );
    const cascade = str(ctx.flags, 'cascade');
    const policy = cascade === 'foreground' ? 'Foreground' : cascade === 'orphan' || cascade === 'false' ? 'Orphan' : 'Background';
    const client = ctx.client();
    const ignoreNotFound = bool(ctx.flags, 'ignore-not-found');
    const deleted: Target[] = [];
    let warnClusterScope = ctx.flags.changed.has('namespace') && !bool(ctx.flags, 'all-namespaces');
    const deleteOne = async (t: Target) => {
      const r = t.mapping.resource;
      if (warnClusterScope && !r.namespaced) {
        ctx.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
        warnClusterScope = false;
      }
      const printed =
        str(ctx.flags, 'output') === 'name'
          ? `${kindPrefix(r.kind, r.group)}/${t.name}\n`
          : `${kindPrefix(r.kind, r.group)} ${JSON.stringify(t.name)} ${immediate ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`;
      if (dryRun === 'client') {
        deleted.push(t);
        ctx.out(printed);
        return;
      }
      const body: Record<string, unknown> = {};
      if (gracePeriod >= 0) body.gracePeriodSeconds = gracePeriod;
      body.propagationPolicy = policy;
      try {
        await client.do({ caller: caller.resourceDelete,
          method: 'DELETE',
          path: resourcePath(r, t.namespace, t.name),
          accept: accept.json,
          contentType: 'application/json',
          body: encodeObject(dryRun === 'server' ? { ...body, dryRun: ['All'] } : body),
          resource: { group: r.group, resource: r.name },
          name: t.name,
        });
      } catch (e) {
        if (ignoreNotFound && isNotFound(e)) return;
        throw addSourceToErr('deleting', t.source, e as Error);
      }
      deleted.push(t);
      ctx.out(printed);
    };

    const errors: Error[] = [];
    if (filenames.length > 0) {
      if (ctx.args.length > 0) throw new KubectlError('Unexpected args: ' + JSON.stringify(ctx.args).replaceAll(',', ' '));
      if (immediate) warnImmediate();
      const built = await buildFromFiles(
        ctx,
        { validation: 'Ignore', openapi: new OpenAPIV3(client), enforceNamespace: ctx.flags.changed.has('namespace') },
        (info) => deleteOne({ mapping: info.mapping, namespace: info.namespace, name: info.name, source: info.source }),
      );
      errors.push(...built.errors);
    } else if (selector !== '' || all) {
      const targets = await listTargets(ctx, selector);
      if (immediate) warnImmediate();
      if (targets.length === 0) {
        ctx.out('No resources found\n');
        return;
      }
      for (const t of targets) {
        try {
          await deleteOne(t);
        } catch (e) {
          errors.push(e as Error);
        }
      }
    } else {
      const targets = await targetsFromArgs(ctx, ctx.args);
      if (immediate) warnImmediate();
      for (const t of targets) {
        try {
          await deleteOne(t);
        } catch (e) {
          errors.push(e as Error);
        }
      }
    }
    const err = reduceErrors(errors);
    if (err) throw err;
    if (deleted.length === 0 || !bool(ctx.flags, 'wait') || dryRun !== 'none') return;
    for (const t of deleted) {
      for (;;) {
        try {
          await client.do({ caller: caller.dynamicGet, path: resourcePath(t.mapping.resource, t.namespace, t.name), accept: accept.json });
        } catch (e) {
          if (isNotFound(e)) break;
          throw e;
        }
        await sleep(200);
      }
    }
  },
};
