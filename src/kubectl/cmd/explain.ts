// kubectl explain TYPE[.field.path]: the resource found through discovery's RESTMapper, then
// its group-version's OpenAPI v3 document rendered with the `plaintext` template; with
// --output=plaintext-openapiv2 (or a server without /openapi/v3) the OpenAPI v2 document is
// asked for in protobuf, as kubectl 1.32 does.

import { bool, boolFlag, str, stringFlag, type FlagSpec } from '../flags.ts';
import { KubectlError, PlainError } from '../rest/errors.ts';
import { renderPlaintext } from '../explain/plaintext.ts';
import { gvrString, splitResourceRequest, splitWithMatchingPrefix, type GVR } from '../explain/path.ts';
import type { Command, CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';
import type { RESTMapper } from '../restmapper.ts';

/** kubectl's OpenAPI v3 client: the index, then a group-version's document by its hash URL. */
class OpenAPIV3Client {
  private readonly ctx: CommandContext;
  private index: Promise<Record<string, { serverRelativeURL?: string }>> | undefined;

  constructor(ctx: CommandContext) {
    this.ctx = ctx;
  }

  paths(): Promise<Record<string, { serverRelativeURL?: string }>> {
    this.index ??= this.ctx
      .client()
      .getJSON<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ caller: caller.openAPIV3Paths, httpCache: true, path: '/openapi/v3?timeout=32s', accept: 'application/json, */*' })
      .then((r) => r.paths ?? {});
    return this.index;
  }

  async document(url: string): Promise<Record<string, unknown>> {
    return this.ctx.client().getJSON<Record<string, unknown>>({ caller: caller.openAPIV3GroupVersion, httpCache: true, path: `${url}${url.includes('?') ? '&' : '?'}timeout=32s`, accept: 'application/json' });
  }
}

const flags: FlagSpec[] = [stringFlag('api-version'), stringFlag('output', 'o', 'plaintext'), boolFlag('recursive')];

const suggestAPIResources = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** schema.ParseGroupVersion */
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const slashes = gv.split('/').length - 1;
  if (slashes === 0) return { group: '', version: gv };
  if (slashes === 1) {
    const i = gv.indexOf('/');
    return { group: gv.slice(0, i), version: gv.slice(i + 1) };
  }
  throw new KubectlError(`unexpected GroupVersion string: ${gv}`);
}

/** The OpenAPI v2 document, which kubectl only takes as protobuf. */
async function renderOpenAPIV2(ctx: CommandContext, apiVersion: string): Promise<void> {
  if (apiVersion) parseGroupVersion(apiVersion);
  await ctx.client().do({ caller: caller.openAPIV2, httpCache: true, path: '/openapi/v2?timeout=32s', accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
  throw new KubectlError('the OpenAPI v2 document is not available in this kubectl; use --output=plaintext');
}

/** explain's lookup, tried again on fresh discovery when the type is missing from cached discovery. */
async function splitWithRetry<T>(ctx: CommandContext, split: (mapper: RESTMapper) => T): Promise<T> {
  try {
    return split(await ctx.mapper());
  } catch (e) {
    if (!(e instanceof PlainError && e.message.startsWith("the server doesn't have a resource type"))) throw e;
    const fresh = await ctx.refreshMapper();
    if (!fresh) throw e;
    return split(fresh);
  }
}

export const explainCommand: Command = {
  name: 'explain',
  flags,
  async run(ctx) {
    if (ctx.args.length === 0) throw new KubectlError(`You must specify the type of resource to explain. ${suggestAPIResources}\n`);
    if (ctx.args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE\n');
    const apiVersion = str(ctx.flags, 'api-version');
    const output = str(ctx.flags, 'output');
    const recursive = bool(ctx.flags, 'recursive');
    const warn = (message: string) => ctx.err(`Warning: ${message}\n`);
    const split = apiVersion ? splitResourceRequest : splitWithMatchingPrefix;
    const { gvr: found, fieldsPath } = await splitWithRetry(ctx, (mapper) => split(ctx.args[0]!, mapper, warn));

    const openapi = new OpenAPIV3Client(ctx);
    if (output === 'plaintext-openapiv2') return renderOpenAPIV2(ctx, apiVersion);
    if (output === 'plaintext') {
      try {
        await openapi.paths();
      } catch {
        return renderOpenAPIV2(ctx, apiVersion);
      }
    }
    const gvr: GVR = { ...found };
    if (apiVersion) Object.assign(gvr, parseGroupVersion(apiVersion));

    let paths: Record<string, { serverRelativeURL?: string }>;
    try {
      paths = await openapi.paths();
    } catch (e) {
      throw new KubectlError(`failed to fetch list of groupVersions: ${(e as Error).message}`);
    }
    const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
    if (!Object.hasOwn(paths, key)) throw new KubectlError(`couldn't find resource for "${gvrString(gvr)}"`);
    let doc: Record<string, unknown>;
    try {
      doc = await openapi.document(paths[key]!.serverRelativeURL ?? '');
    } catch (e) {
      throw new KubectlError(`failed to fetch openapi schema for ${key}: ${(e as Error).message}`);
    }
    if (output !== 'plaintext') throw new KubectlError(`unrecognized format: ${output}`);
    renderPlaintext(doc, gvr, fieldsPath, recursive, (text) => ctx.out(text));
  },
};
