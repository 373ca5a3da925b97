// kubectl apply -f: client-side apply as kubectl 1.32 does it. For each object of the files:
// GET it; absent → POST it with the last-applied-configuration annotation (`created`);
// present → the three-way patch from last-applied, the file and the live object, sent as a
// strategic merge patch (a JSON merge patch for custom resources) → `configured`, or no
// request at all when the patch is empty → `unchanged`. `--server-side` sends the object as an
// apply patch instead.

import { arrayFlag, bool, boolFlag, intFlag, sliceFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { isNotFound, KubectlError, reduceErrors } from '../rest/errors.ts';
import { kindPrefix } from '../restmapper.ts';
import {
  addSourceToErr,
  buildFromFiles,
  infoDescription,
  validationDirective,
  type Info,
  type JSONMap,
} from '../resource/builder.ts';
import { encodeObject, goMarshal } from '../resource/manifest.ts';
import { OpenAPIV3 } from '../resource/openapi.ts';
import { PatchComputeError, threeWayJSONMergePatch, threeWayStrategicMergePatch } from '../resource/patch.ts';
import type { Command, CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

const flags: FlagSpec[] = [
  boolFlag('all'),
  boolFlag('allow-missing-template-keys', undefined, true),
  stringFlag('cascade', undefined, 'background'),
  stringFlag('dry-run', undefined, 'none'),
  stringFlag('field-manager', undefined, 'kubectl-client-side-apply'),
  sliceFlag('filename', 'f'),
  boolFlag('force'),
  boolFlag('force-conflicts'),
  intFlag('grace-period', undefined, -1),
  stringFlag('kustomize', 'k'),
  boolFlag('openapi-patch', undefined, true),
  stringFlag('output', 'o'),
  boolFlag('overwrite', undefined, true),
  boolFlag('prune'),
  arrayFlag('prune-allowlist'),
  boolFlag('recursive', 'R'),
  stringFlag('selector', 'l'),
  boolFlag('server-side'),
  boolFlag('show-managed-fields'),
  stringFlag('subresource'),
  stringFlag('template'),
  stringFlag('timeout', undefined, '0s'),
  stringFlag('validate', undefined, 'strict'),
  boolFlag('wait'),
];

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(ctx: CommandContext): DryRun {
  const v = str(ctx.flags, 'dry-run');
  if (v === 'none' || v === 'false' || v === '') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export const dryRunSuffix = (d: DryRun) => (d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '');

/** The name printer: `apiservice.apiregistration.k8s.io/NAME created`. */
export const printedName = (info: Info) => `${kindPrefix(info.gvk.kind, info.gvk.group)}/${info.name}`;

/** What the command prints for one object: `NAME OPERATION`, or only the name with `-o name`. */
export function operationLine(ctx: CommandContext, name: string, operation: string, dryRun: DryRun): string {
  return str(ctx.flags, 'output') === 'name' ? `${name}\n` : `${name} ${operation}${dryRunSuffix(dryRun)}\n`;
}

/** apimachinery's IsValidPathSegmentName, as client-go checks a name before a request. */
export function checkResourceName(name: string): void {
  if (name === '') throw new Error('resource name may not be empty');
  const problems: string[] = [];
  if (name === '.' || name === '..') problems.push(`may not be '${name}'`);
  else {
    if (name.includes('/')) problems.push("may not contain '/'");
    if (name.includes('%')) problems.push("may not contain '%'");
  }
  if (problems.length > 0) throw new Error(`invalid resource name ${JSON.stringify(name)}: [${problems.join(', ')}]`);
}

const metadataOf = (obj: JSONMap): JSONMap => (typeof obj.metadata === 'object' && obj.metadata !== null ? (obj.metadata as JSONMap) : {});

function annotationsOf(obj: JSONMap): Record<string, string> {
  const a = metadataOf(obj).annotations;
  return typeof a === 'object' && a !== null ? { ...(a as Record<string, string>) } : {};
}

/** util.GetModifiedConfiguration: the object without its last-applied annotation, as JSON with a newline. */
export function modifiedConfiguration(obj: JSONMap): string {
  const annotations = annotationsOf(obj);
  delete annotations[lastAppliedAnnotation];
  return goMarshal({ ...obj, metadata: { ...metadataOf(obj), annotations } }) + '\n';
}

/** The object carrying the annotation (what create POSTs and the patch is computed from). */
export function withLastApplied(obj: JSONMap): JSONMap {
  const annotations = annotationsOf(obj);
  annotations[lastAppliedAnnotation] = modifiedConfiguration(obj);
  return { ...obj, metadata: { ...metadataOf(obj), annotations } };
}

/**
 * The patcher's choice: a strategic merge patch from the OpenAPI v3 schema when the kind's PATCH
 * takes one; otherwise (after trying the OpenAPI v2 document) a JSON merge patch, as for kinds
 * kubectl has no Go type for (custom and aggregated resources).
 */
async function computePatch(
  ctx: CommandContext,
  openapi: OpenAPIV3,
  info: Info,
  original: JSONMap,
  originalText: string,
  modified: JSONMap,
  current: JSONMap,
): Promise<{ patch: JSONMap; strategic: boolean }> {
  const { group, version, kind } = info.gvk;
  const schema = await openapi.strategicSchema(info.gvk);
  if (typeof schema === 'object') {
    try {
      return { patch: threeWayStrategicMergePatch(original, modified, current, schema), strategic: true };
    } catch (e) {
      if (!(e instanceof PatchComputeError)) throw e;
      // The patcher retries with the patch metadata of kubectl's own Go types, which say the same.
      ctx.err(`warning: error calculating patch from openapi v3 spec: ${e.message}\n`);
      throw new PatchComputeError(
        `creating patch with:\noriginal:\n${originalText}\nmodified:\n${goMarshal(modified)}\n\ncurrent:\n${goMarshal(current)}\n\nfor:: ${e.message}`,
      );
    }
  }
  if (schema === 'missing') ctx.log.info(5, 'patcher.go:141', `warning: OpenAPI V3 path does not exist - group: ${group}, version ${version}, kind ${kind}`);
  else ctx.log.info(5, 'patcher.go:150', `warning: OpenAPI V3 path does not support strategic merge patch - group: ${group}, version ${version}, kind ${kind}`);
  try {
    await ctx.client().do({ caller: caller.openAPIV2, httpCache: true, path: '/openapi/v2?timeout=32s', accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
  } catch {
    // no OpenAPI v2 document: the patch falls back to what kubectl knows of the kind
  }
  return { patch: threeWayJSONMergePatch(original, modified, current), strategic: false };
}

function retrievalError(info: Info, err: Error): Error {
  return addSourceToErr(`retrieving current configuration of:\n${infoDescription(info)}\nfrom server for:`, info.source, err);
}

async function applyOne(ctx: CommandContext, info: Info, openapi: OpenAPIV3, validation: string, dryRun: DryRun): Promise<void> {
  const client = ctx.client();
  const gr = { group: info.mapping.resource.group, resource: info.mapping.resource.name };
  const query = (extra: Record<string, string | undefined> = {}) =>
    encodeQuery({ dryRun: dryRun === 'server' ? 'All' : undefined, fieldValidation: validation, ...extra });
  const fieldManager = ctx.flags.changed.has('field-manager') ? str(ctx.flags, 'field-manager') : undefined;

  if (bool(ctx.flags, 'server-side')) {
    try {
      checkResourceName(info.name);
    } catch (e) {
      throw retrievalError(info, e as Error);
    }
    const path = resourcePath(info.mapping.resource, info.namespace, info.name);
    // Server-side apply returns the server's errors as they came.
    if (dryRun !== 'client') {
      const applied = await client.getJSON<JSONMap>({ caller: caller.resourcePatch,
        method: 'PATCH',
        path: path + query({ fieldManager: fieldManager ?? 'kubectl', force: String(bool(ctx.flags, 'force-conflicts')) }),
        accept: accept.json,
        contentType: 'application/apply-patch+yaml',
        body: encodeObject(info.object),
        resource: gr,
        name: info.name,
      });
      // The last-applied annotation is kept under its own field manager so that SSA does not orphan it.
      const lastApplied = annotationsOf(applied)[lastAppliedAnnotation];
      if (fieldManager === undefined && lastApplied !== undefined) {
        const metadata: JSONMap = { annotations: { [lastAppliedAnnotation]: lastApplied }, name: info.name };
        if (info.namespace) metadata.namespace = info.namespace;
        await client.do({ caller: caller.resourcePatch,
          method: 'PATCH',
          path: path + query({ fieldManager: 'kubectl-last-applied' }),
          accept: accept.json,
          contentType: 'application/apply-patch+yaml',
          body: goMarshal({ apiVersion: info.object.apiVersion, kind: info.object.kind, metadata }),
          resource: gr,
          name: info.name,
        });
      }
    }
    ctx.out(operationLine(ctx, printedName(info), 'serverside-applied', dryRun));
    return;
  }

  let current: JSONMap | undefined;
  try {
    checkResourceName(info.name);
    current = await client.getJSON<JSONMap>({ caller: caller.resourceGet, path: resourcePath(info.mapping.resource, info.namespace, info.name), accept: accept.json, resource: gr, name: info.name });
  } catch (e) {
    if (!(isNotFound(e))) throw retrievalError(info, e as Error);
  }

  if (current === undefined) {
    const obj = withLastApplied(info.object);
    if (dryRun !== 'client') {
      try {
        await client.do({ caller: caller.resourceCreate,
          method: 'POST',
          path: resourcePath(info.mapping.resource, info.namespace) + query({ fieldManager: fieldManager ?? 'kubectl-client-side-apply' }),
          accept: accept.json,
          contentType: 'application/json',
          body: encodeObject(obj),
          resource: gr,
          name: info.name,
        });
      } catch (e) {
        throw addSourceToErr('creating', info.source, e as Error);
      }
    }
    ctx.out(operationLine(ctx, printedName(info), 'created', dryRun));
    return;
  }

  const liveAnnotations = annotationsOf(current);
  if (!(lastAppliedAnnotation in liveAnnotations)) {
    ctx.err(
      `Warning: resource ${info.mapping.resource.name}/${info.name} is missing the ${lastAppliedAnnotation} annotation which is required by kubectl apply. ` +
        'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
        'The missing annotation will be patched automatically.\n',
    );
  }
  let original: JSONMap = {};
  const lastApplied = liveAnnotations[lastAppliedAnnotation];
  if (lastApplied) {
    try {
      original = JSON.parse(lastApplied) as JSONMap;
    } catch {
      original = {};
    }
  }
  const modified = JSON.parse(goMarshal(withLastApplied(info.object))) as JSONMap;
  let computed: { patch: JSONMap; strategic: boolean };
  try {
    computed = await computePatch(ctx, openapi, info, original, lastApplied ?? '', modified, current);
  } catch (e) {
    if (!(e instanceof PatchComputeError)) throw e;
    const patching = addSourceToErr('patching', info.source, e);
    throw addSourceToErr(`applying patch:\n\nto:\n${infoDescription(info)}\nfor:`, info.source, patching);
  }
  const { patch, strategic } = computed;
  const body = goMarshal(patch);
  if (body === '{}') {
    ctx.out(operationLine(ctx, printedName(info), 'unchanged', 'none'));
    return;
  }
  if (dryRun !== 'client') {
    try {
      await client.do({ caller: caller.resourcePatch,
        method: 'PATCH',
        path: resourcePath(info.mapping.resource, info.namespace, info.name) + query({ fieldManager: fieldManager ?? 'kubectl-client-side-apply' }),
        accept: accept.json,
        contentType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
        body,
        resource: gr,
        name: info.name,
      });
    } catch (e) {
      const patching = addSourceToErr('patching', info.source, e as Error);
      throw addSourceToErr(`applying patch:\n${body}\nto:\n${infoDescription(info)}\nfor:`, info.source, patching);
    }
  }
  ctx.out(operationLine(ctx, printedName(info), 'configured', dryRun));
}

export const applyCommand: Command = {
  name: 'apply',
  flags,
  async run(ctx) {
    if (ctx.flags.values.get('filename') === undefined || (ctx.flags.values.get('filename') as string[]).length === 0) {
      if (str(ctx.flags, 'kustomize') === '') throw new KubectlError('must specify one of -f and -k');
    }
    const dryRun = dryRunStrategy(ctx);
    const directive = validationDirective(ctx);
    const openapi = new OpenAPIV3(ctx.client());
    const { infos, errors: buildErrors } = await buildFromFiles(ctx, {
      validation: directive,
      openapi,
      enforceNamespace: ctx.flags.changed.has('namespace'),
    });
    const errors: Error[] = [...buildErrors];
    if (infos.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
    for (const info of infos) {
      try {
        await applyOne(ctx, info, openapi, directive, dryRun);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = reduceErrors(errors);
    if (err) throw err;
    ctx.log.info(4, 'apply.go:548', 'Running apply post-processor function');
  },
};

