// kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type strategic|merge|json]: the
// patch text read as YAML or JSON, then for each object named on the command line a GET (the
// builder's lazy retrieval) and a PATCH with fieldManager=kubectl-patch; objects from a file are
// patched without the GET. `patched` when the server's answer differs from what kubectl had,
// else `patched (no change)`. `--dry-run=client` and `--local` patch the object locally instead.

import { bool, boolFlag, list, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { goQuote } from '../klog.ts';
import { printName } from '../printers/name.ts';
import { hideManagedFields, printDocument } from '../printers/object.ts';
import { caller } from '../rest/body_log.ts';
import { accept } from '../rest/client.ts';
import { KubectlError, StatusError, reduceErrors } from '../rest/errors.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import type { RESTMapping } from '../restmapper.ts';
import { buildFromFiles, type JSONMap } from '../resource/builder.ts';
import { goMarshal, yamlToJSON } from '../resource/manifest.ts';
import { OpenAPIV3, PatchSchema, schemaMergeKeys } from '../resource/openapi.ts';
import { applyJSONPatch, applyMergePatch } from '../resource/apply_patch.ts';
import { deepEqual } from '../../lib/deep_equal.ts';
import { strategicMergePatch, type MergeKeys } from '../../lib/strategic_merge_patch.ts';
import { dryRunStrategy, operationLine, type DryRun } from './apply.ts';
import { missingResourceMessage, targetsFromArgs } from './delete.ts';
import type { Command, CommandContext } from './command.ts';

const flags: FlagSpec[] = [
  boolFlag('allow-missing-template-keys', undefined, true),
  stringFlag('dry-run', undefined, 'none'),
  stringFlag('field-manager', undefined, 'kubectl-patch'),
  sliceFlag('filename', 'f'),
  stringFlag('kustomize', 'k'),
  boolFlag('local'),
  stringFlag('output', 'o'),
  stringFlag('patch', 'p'),
  stringFlag('patch-file'),
  boolFlag('record'),
  boolFlag('recursive', 'R'),
  boolFlag('show-managed-fields'),
  stringFlag('subresource'),
  stringFlag('template'),
  stringFlag('type', undefined, 'strategic'),
];

const patchContentTypes: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** The output formats patch's printer flags offer (no tables: patch prints objects or names). */
const printerFormats = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** The API groups kubectl has Go types for, so it can compute a strategic merge patch itself. */
const builtInGroups = new Set([
  '', 'admissionregistration.k8s.io', 'apps', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
  'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io', 'node.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'resource.k8s.io', 'scheduling.k8s.io',
  'storage.k8s.io', 'storagemigration.k8s.io',
]);

interface PatchTarget {
  mapping: RESTMapping;
  namespace: string;
  name: string;
  /** The object from the file, when it came from `-f`; otherwise fetched before patching. */
  object?: JSONMap;
}

/** apimachinery's yaml.ToJSON: text starting with `{` is taken as JSON as it is; anything else is YAML. */
function patchBody(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  try {
    return goMarshal(yamlToJSON(text));
  } catch (e) {
    const reason = (e as Error).message.replace(/^error converting YAML to JSON: /, '');
    throw new KubectlError(`unable to parse ${goQuote(new TextEncoder().encode(text))}: ${reason}`);
  }
}

/** PatchOptions.Validate, in kubectl's order. */
function patchText(ctx: CommandContext, dryRun: DryRun): string {
  let text = str(ctx.flags, 'patch');
  const patchFile = str(ctx.flags, 'patch-file');
  if (text !== '' && patchFile !== '') throw new KubectlError('cannot specify --patch and --patch-file together');
  if (patchFile !== '') {
    const content = ctx.files.readFile(patchFile);
    if (content === undefined) throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = content;
  }
  if (text === '') throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  if (bool(ctx.flags, 'local') && ctx.args.length > 0) throw new KubectlError('cannot specify --local and server resources');
  if (bool(ctx.flags, 'local') && dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const type = str(ctx.flags, 'type');
  if (type !== '' && !(type.toLowerCase() in patchContentTypes)) {
    throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
  }
  return text;
}

/** The printer patch builds for each object: -o's format, or the name with the operation. */
function printObject(ctx: CommandContext, obj: JSONMap, operation: string): void {
  const output = str(ctx.flags, 'output');
  const format = output.includes('=') ? output.slice(0, output.indexOf('=')) : output;
  if (output !== '' && !printerFormats.includes(format)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${printerFormats.join(',')}`);
  }
  const shown = bool(ctx.flags, 'show-managed-fields') ? obj : hideManagedFields(obj);
  // patch's name printer carries no dry-run suffix.
  if (output === '' || output === 'name') ctx.out(operationLine(ctx, printName(shown).slice(0, -1), operation, 'none'));
  else ctx.out(printDocument(output, shown, bool(ctx.flags, 'allow-missing-template-keys')));
}

/**
 * The merge keys of a built-in kind. Real kubectl has them in its Go types and asks the server
 * nothing; ours reads the same metadata from the OpenAPI document, off the request log. No schema
 * (a group-version the server documents not): every list is replaced.
 */
async function builtInMergeKeys(ctx: CommandContext, obj: JSONMap): Promise<MergeKeys> {
  const { group, version } = groupVersionOf(obj);
  try {
    const schema = await new OpenAPIV3(ctx.client().unlogged()).strategicSchema({ group, version, kind: String(obj.kind ?? '') });
    return schemaMergeKeys(schema instanceof PatchSchema ? schema : undefined);
  } catch {
    return schemaMergeKeys(undefined);
  }
}

function groupVersionOf(obj: JSONMap): { group: string; version: string } {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  return { group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '', version: apiVersion.slice(apiVersion.indexOf('/') + 1) };
}

/** The patch applied on kubectl's side (`--local`, `--dry-run=client`). */
async function patchLocally(ctx: CommandContext, obj: JSONMap, type: string, body: string): Promise<JSONMap> {
  const { group, version } = groupVersionOf(obj);
  const patch = JSON.parse(body) as unknown;
  if (type === 'merge') return applyMergePatch(obj, patch) as JSONMap;
  if (type === 'json') return applyJSONPatch(obj, patch) as JSONMap;
  if (!builtInGroups.has(group)) {
    throw new KubectlError(`strategic merge patch is not supported for ${group}/${version}, Kind=${String(obj.kind ?? '')} locally, try --type merge`);
  }
  return (strategicMergePatch(obj, patch, await builtInMergeKeys(ctx, obj)) ?? {}) as JSONMap;
}

async function targetsOf(ctx: CommandContext): Promise<{ targets: PatchTarget[]; errors: Error[] }> {
  if (list(ctx.flags, 'filename').length > 0) {
    const built = await buildFromFiles(ctx, { validation: 'Ignore', openapi: new OpenAPIV3(ctx.client()), enforceNamespace: ctx.flags.changed.has('namespace'), local: bool(ctx.flags, 'local') });
    const targets = built.infos.map((i) => ({ mapping: i.mapping, namespace: i.namespace, name: i.name, object: i.object }));
    return { targets, errors: built.errors };
  }
  const targets = await targetsFromArgs(ctx, ctx.args);
  return { targets, errors: [] };
}

export const patchCommand: Command = {
  name: 'patch',
  flags,
  async run(ctx) {
    const dryRun = dryRunStrategy(ctx);
    const text = patchText(ctx, dryRun);
    const type = (str(ctx.flags, 'type') || 'strategic').toLowerCase();
    const body = patchBody(text);
    if (list(ctx.flags, 'filename').length === 0 && ctx.args.length === 0) throw new KubectlError(missingResourceMessage);
    const { targets, errors } = await targetsOf(ctx);
    const client = ctx.client();
    const subresource = str(ctx.flags, 'subresource');
    const local = bool(ctx.flags, 'local');
    let count = 0;
    for (const t of targets) {
      const r = t.mapping.resource;
      const path = resourcePath(r, t.namespace, t.name) + (subresource ? `/${subresource}` : '');
      try {
        let current = t.object;
        if (current === undefined) {
          current = await client.getJSON<JSONMap>({ caller: caller.resourceGet, path, accept: accept.json, resource: { group: r.group, resource: r.name }, name: t.name });
        }
        count++;
        if (local || dryRun === 'client') {
          const patched = await patchLocally(ctx, current, type, body);
          printObject(ctx, patched, deepEqual(current, patched) ? 'patched (no change)' : 'patched');
          continue;
        }
        let patched: JSONMap;
        try {
          patched = await client.getJSON<JSONMap>({
            caller: caller.resourcePatch,
            method: 'PATCH',
            path: path + encodeQuery({ dryRun: dryRun === 'server' ? 'All' : undefined, fieldManager: str(ctx.flags, 'field-manager') }),
            accept: accept.json,
            contentType: patchContentTypes[type]!,
            body,
            resource: { group: r.group, resource: r.name },
            name: t.name,
          });
        } catch (e) {
          // Wrapped, the server's error prints as kubectl's own.
          if (e instanceof StatusError && e.status.reason === 'UnsupportedMediaType') {
            throw new KubectlError(`${patchContentTypes[type]} is not supported by ${r.group}/${r.version}, Kind=${r.kind}: ${e.message}`);
          }
          throw e;
        }
        printObject(ctx, patched, deepEqual(current, patched) ? 'patched (no change)' : 'patched');
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = reduceErrors(errors);
    if (err) throw err;
    if (count === 0) throw new KubectlError('no objects passed to patch');
  },
};
