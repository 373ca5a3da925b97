// kubectl's resource builder for `-f` (cli-runtime's Builder with FilenameParam, Unstructured,
// ContinueOnError, DefaultNamespace): each source read and split into documents, each document
// validated as `--validate` asks (the OpenAPI v3 check that the server takes fieldValidation,
// before discovery), mapped to its resource, and given its namespace.

import { list, str } from '../flags.ts';
import { ConnectionError } from '../rest/transport.ts';
import { KubectlError, StatusError, standardErrorMessage } from '../rest/errors.ts';
import type { RESTMapper, RESTMapping } from '../restmapper.ts';
import type { CommandContext } from '../cmd/command.ts';
import { readDocuments } from './manifest.ts';
import { OpenAPIV3, ParamUnsupportedError, type GVK } from './openapi.ts';
import { unstructuredDecodeError } from './unstructured.ts';
import { caller } from '../rest/body_log.ts';

export type JSONMap = Record<string, unknown>;

export interface Info {
  /** The file name as given, or `STDIN`. */
  source: string;
  mapping: RESTMapping;
  gvk: GVK;
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  object: JSONMap;
}

/** utilerrors.Aggregate's Error(): one message alone, several in brackets. */
export function aggregateMessage(errors: Error[]): string {
  return errors.length === 1 ? errors[0]!.message : `[${errors.map((e) => e.message).join(', ')}]`;
}

export type ValidationDirective = 'Strict' | 'Warn' | 'Ignore';

/** `--validate` as kubectl 1.32 reads it. */
export function validationDirective(ctx: CommandContext): ValidationDirective {
  const v = str(ctx.flags, 'validate').toLowerCase();
  if (v === 'true' || v === 'strict' || v === '') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'false' || v === 'ignore') return 'Ignore';
  throw new KubectlError(`invalid - validate option "${str(ctx.flags, 'validate')}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export function parseAPIVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

const gvString = (g: string, v: string) => (g ? `${g}/${v}` : v);

/** Go's %s of a GroupVersionResource/Kind: `apiregistration.k8s.io/v1, Resource=apiservices`. */
export function infoDescription(info: Info): string {
  const r = info.mapping.resource;
  return (
    `Resource: "${r.group}/${r.version}, Resource=${r.name}", GroupVersionKind: "${info.gvk.group}/${info.gvk.version}, Kind=${info.gvk.kind}"\n` +
    `Name: "${info.name}", Namespace: "${info.namespace}"`
  );
}

/** cmdutil.AddSourceToErr: `error when VERB "SOURCE": ...`, keeping a server error a server error. */
export function addSourceToErr(verb: string, source: string, err: Error): Error {
  if (!source) return err;
  if (err instanceof StatusError) {
    return new StatusError({ ...err.status, message: `error when ${verb} ${JSON.stringify(source)}: ${err.status.message ?? ''}` });
  }
  return new Error(`error when ${verb} ${JSON.stringify(source)}: ${standardErrorMessage(err) ?? err.message}`);
}

export interface BuildOptions {
  validation: ValidationDirective;
  openapi: OpenAPIV3;
  /** -n was given: objects in another namespace are refused. */
  enforceNamespace: boolean;
  /** The namespace given to namespaced objects that name none (the context's unless said). */
  namespace?: string;
  /**
   * Report every error in the order it was met, as an eager visitor list does (get, describe);
   * otherwise what the visiting function returned comes first (apply, create, delete).
   */
  errorsInOrder?: boolean;
  /** `patch --local`: the objects stay as the files have them (kubectl's local builder gives no namespace). */
  local?: boolean;
}

async function validateDocument(value: JSONMap, opts: BuildOptions, ctx: CommandContext): Promise<void> {
  const missing: string[] = [];
  if (value.apiVersion === undefined || value.apiVersion === null || value.apiVersion === '') missing.push('apiVersion not set');
  else if (typeof value.apiVersion !== 'string') missing.push("apiVersion isn't string type");
  if (value.kind === undefined || value.kind === null || value.kind === '') missing.push('kind not set');
  else if (typeof value.kind !== 'string') missing.push("kind isn't string type");
  if (missing.length > 0) throw new Error(aggregateMessage(missing.map((m) => new Error(m))));
  const { group, version } = parseAPIVersion(value.apiVersion as string);
  try {
    await opts.openapi.hasFieldValidation({ group, version, kind: value.kind as string });
  } catch (e) {
    if (!(e instanceof ParamUnsupportedError)) throw e;
    // kubectl validates such kinds itself against the OpenAPI v2 document.
    try {
      await ctx.client().do({ caller: caller.openAPIV2, httpCache: true, path: '/openapi/v2?timeout=32s', accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    } catch (err) {
      throw e.download ? new Error(`failed to download openapi: ${(err as Error).message}`) : err;
    }
  }
}

function objectsOf(value: JSONMap): JSONMap[] {
  if (value.kind === 'List' && Array.isArray(value.items)) return value.items.filter((i): i is JSONMap => typeof i === 'object' && i !== null);
  return [value];
}

async function infoFor(ctx: CommandContext, source: string, object: JSONMap, opts: BuildOptions): Promise<Info> {
  // A List's items are unstructured: a field that is not a string reads as empty.
  const { group, version } = parseAPIVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const metadata = (typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}) as JSONMap;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const objectNamespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const find = (mapper: RESTMapper) => {
    for (const r of mapper.resources()) if (!r.name.includes('/') && r.kind === kind && r.group === group && r.version === version) return r;
    return undefined;
  };
  let resource = find(await ctx.mapper());
  if (!resource) {
    // A kind missing from cached discovery: fetched again, as kubectl's deferred mapper does.
    const fresh = await ctx.refreshMapper();
    if (fresh) resource = find(fresh);
  }
  if (!resource) {
    throw new Error(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(objectNamespace)} from ${JSON.stringify(source)}: ` +
        `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(gvString(group, version))}\nensure CRDs are installed first`,
    );
  }
  const mapping: RESTMapping = { resource, groupResource: resource.group ? `${resource.name}.${resource.group}` : resource.name };
  let namespace = '';
  const copy: JSONMap = { ...object, metadata: { ...metadata } };
  const meta = copy.metadata as JSONMap;
  if (resource.namespaced && opts.local) {
    namespace = objectNamespace;
  } else if (resource.namespaced) {
    namespace = objectNamespace || (opts.namespace ?? ctx.namespace);
    meta.namespace = namespace;
    if (opts.enforceNamespace && objectNamespace && objectNamespace !== ctx.namespace) {
      throw new Error(
        `the namespace from the provided object ${JSON.stringify(objectNamespace)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${objectNamespace}' to perform this operation.`,
      );
    }
  } else {
    delete meta.namespace;
  }
  return { source, mapping, gvk: { group, version, kind }, namespace, name, object: copy };
}

/**
 * The objects of every `-f` source, and the errors met on the way (kubectl goes on after them).
 * With `visit`, each object is handed over as soon as it is mapped (a streaming Visit, as
 * create and delete do), its error collected with the others.
 */
export async function buildFromFiles(
  ctx: CommandContext,
  opts: BuildOptions,
  visit?: (info: Info) => Promise<void>,
): Promise<{ infos: Info[]; errors: Error[] }> {
  const sources: { source: string; text: string }[] = [];
  for (const name of list(ctx.flags, 'filename')) {
    if (name === '-') {
      sources.push({ source: 'STDIN', text: ctx.stdin ?? '' });
      continue;
    }
    const text = ctx.files.readFile(name);
    if (text === undefined) throw new KubectlError(`the path ${JSON.stringify(name)} does not exist`);
    sources.push({ source: name, text });
  }
  const infos: Info[] = [];
  const errors: Error[] = [];
  // What the visiting function returns is reported before what the builder itself met.
  const visitErrors: Error[] = opts.errorsInOrder ? errors : [];
  for (const { source, text } of sources) {
    const { values, error } = readDocuments(text);
    let stopped = false;
    for (const value of values) {
      if (opts.validation !== 'Ignore') {
        try {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('invalid object to validate');
          await validateDocument(value as JSONMap, opts, ctx);
        } catch (e) {
          if (e instanceof ConnectionError) throw e;
          errors.push(
            new Error(
              `error validating ${JSON.stringify(source)}: error validating data: ${(e as Error).message}; if you choose to ignore these errors, turn validation off with --validate=false`,
            ),
          );
          stopped = true;
          break;
        }
      }
      const decodeError = unstructuredDecodeError(value);
      if (decodeError !== undefined) {
        errors.push(new Error(`unable to decode ${JSON.stringify(source)}: ${decodeError}`));
        continue;
      }
      for (const object of objectsOf(value as JSONMap)) {
        let info: Info;
        try {
          info = await infoFor(ctx, source, object, opts);
        } catch (e) {
          if (e instanceof StatusError || e instanceof ConnectionError) throw e;
          errors.push(e as Error);
          continue;
        }
        infos.push(info);
        if (!visit) continue;
        try {
          await visit(info);
        } catch (e) {
          if (e instanceof ConnectionError) throw e;
          visitErrors.push(e as Error);
        }
      }
    }
    if (error && !stopped) errors.push(new Error(`error parsing ${source}: ${error.message}`));
  }
  return { infos, errors: opts.errorsInOrder ? errors : [...visitErrors, ...errors] };
}

