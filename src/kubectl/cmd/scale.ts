// kubectl scale --replicas=N TYPE NAME | TYPE/NAME | -f FILE: each object fetched first, then
// its scale subresource patched with {"spec":{"replicas":N}} as a JSON merge patch.

import { boolFlag, intFlag, num, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { accept } from '../rest/client.ts';
import { resourcePath } from '../rest/paths.ts';
import { KubectlError, reduceErrors } from '../rest/errors.ts';
import { kindPrefix } from '../restmapper.ts';
import { aggregateMessage, buildFromFiles } from '../resource/builder.ts';
import { OpenAPIV3 } from '../resource/openapi.ts';
import { dryRunStrategy, operationLine } from './apply.ts';
import { missingResourceMessage, targetsFromArgs, type Target } from './delete.ts';
import type { Command } from './command.ts';
import { caller } from '../rest/body_log.ts';

const flags: FlagSpec[] = [
  boolFlag('all'),
  boolFlag('allow-missing-template-keys', undefined, true),
  intFlag('current-replicas', undefined, -1),
  stringFlag('dry-run', undefined, 'none'),
  sliceFlag('filename', 'f'),
  stringFlag('kustomize', 'k'),
  stringFlag('output', 'o'),
  boolFlag('recursive', 'R'),
  intFlag('replicas', undefined, 0),
  stringFlag('resource-version'),
  stringFlag('selector', 'l'),
  boolFlag('show-managed-fields'),
  stringFlag('template'),
  stringFlag('timeout', undefined, '0s'),
];

export const scaleCommand: Command = {
  name: 'scale',
  flags,
  async run(ctx) {
    if (!ctx.flags.changed.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const replicas = num(ctx.flags, 'replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const dryRun = dryRunStrategy(ctx);
    const filenames = (ctx.flags.values.get('filename') as string[] | undefined) ?? [];
    if (filenames.length === 0 && ctx.args.length === 0) throw new KubectlError(missingResourceMessage);
    const client = ctx.client();
    const errors: Error[] = [];
    let targets: Target[] = [];
    if (filenames.length > 0) {
      const built = await buildFromFiles(ctx, { validation: 'Ignore', openapi: new OpenAPIV3(client), enforceNamespace: ctx.flags.changed.has('namespace') });
      targets = built.infos.map((i) => ({ mapping: i.mapping, namespace: i.namespace, name: i.name, source: i.source }));
      errors.push(...built.errors);
    } else {
      targets = await targetsFromArgs(ctx, ctx.args);
    }
    // The builder fetches every object first (RequireObject), keeping the ones it found.
    const found: Target[] = [];
    for (const t of targets) {
      const r = t.mapping.resource;
      try {
        await client.do({ caller: caller.resourceGet, path: resourcePath(r, t.namespace, t.name), accept: accept.json, resource: { group: r.group, resource: r.name }, name: t.name });
        found.push(t);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (found.length === 0) {
      throw new KubectlError(`no objects passed to scale${errors.length > 0 ? ' ' + aggregateMessage(errors) : ''}`);
    }
    for (const t of found) {
      const r = t.mapping.resource;
      if (dryRun !== 'client') {
        try {
          await client.do({ caller: caller.scalePatch,
            method: 'PATCH',
            path: resourcePath(r, t.namespace, t.name) + '/scale' + (dryRun === 'server' ? '?dryRun=All' : ''),
            accept: 'application/json, */*',
            contentType: 'application/merge-patch+json',
            body: JSON.stringify({ spec: { replicas } }),
          });
        } catch (e) {
          errors.push(e as Error);
          continue;
        }
      }
      ctx.out(operationLine(ctx, `${kindPrefix(r.kind, r.group)}/${t.name}`, 'scaled', dryRun));
    }
    const err = reduceErrors(errors);
    if (err) throw err;
  },
};
