// kubectl create -f: each object of the files POSTed as it is read (no GET first), with
// fieldManager=kubectl-create and the --validate directive; `--save-config` adds the
// last-applied-configuration annotation as apply would.

import { bool, boolFlag, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { KubectlError, reduceErrors } from '../rest/errors.ts';
import { addSourceToErr, buildFromFiles, validationDirective } from '../resource/builder.ts';
import { encodeObject } from '../resource/manifest.ts';
import { OpenAPIV3 } from '../resource/openapi.ts';
import { dryRunStrategy, operationLine, printedName, withLastApplied } from './apply.ts';
import type { Command } from './command.ts';
import { caller } from '../rest/body_log.ts';

const flags: FlagSpec[] = [
  boolFlag('allow-missing-template-keys', undefined, true),
  stringFlag('dry-run', undefined, 'none'),
  boolFlag('edit'),
  stringFlag('field-manager', undefined, 'kubectl-create'),
  sliceFlag('filename', 'f'),
  stringFlag('kustomize', 'k'),
  stringFlag('output', 'o'),
  stringFlag('raw'),
  boolFlag('recursive', 'R'),
  boolFlag('save-config'),
  stringFlag('selector', 'l'),
  boolFlag('show-managed-fields'),
  stringFlag('template'),
  stringFlag('validate', undefined, 'strict'),
  boolFlag('windows-line-endings'),
];

export const createCommand: Command = {
  name: 'create',
  flags,
  async run(ctx) {
    const filenames = (ctx.flags.values.get('filename') as string[] | undefined) ?? [];
    if (filenames.length === 0 && str(ctx.flags, 'kustomize') === '') throw new KubectlError('must specify one of -f and -k');
    const dryRun = dryRunStrategy(ctx);
    const directive = validationDirective(ctx);
    const client = ctx.client();
    let count = 0;
    const { errors } = await buildFromFiles(
      ctx,
      { validation: directive, openapi: new OpenAPIV3(client), enforceNamespace: ctx.flags.changed.has('namespace') },
      async (info) => {
        const obj = bool(ctx.flags, 'save-config') ? withLastApplied(info.object) : info.object;
        if (dryRun !== 'client') {
          try {
            await client.do({ caller: caller.resourceCreate,
              method: 'POST',
              path:
                resourcePath(info.mapping.resource, info.namespace) +
                encodeQuery({ dryRun: dryRun === 'server' ? 'All' : undefined, fieldManager: str(ctx.flags, 'field-manager'), fieldValidation: directive }),
              accept: accept.json,
              contentType: 'application/json',
              body: encodeObject(obj),
              resource: { group: info.mapping.resource.group, resource: info.mapping.resource.name },
              name: info.name,
            });
          } catch (e) {
            throw addSourceToErr('creating', info.source, e as Error);
          }
        }
        count++;
        ctx.out(operationLine(ctx, printedName(info), 'created', dryRun));
      },
    );
    const err = reduceErrors(errors);
    if (err) throw err;
    if (count === 0) throw new KubectlError('no objects passed to create');
  },
};
