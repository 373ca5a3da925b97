// What get and describe share when their objects come from `-f`: the builder's refusals of
// arguments next to paths, its client-side label filter, RequireNamespace (checked after the
// object was read), and the nesting of the errors its visitors return, which decides how
// kubectl prints them.

import { bool, list, str } from '../flags.ts';
import { GoAggregate, isNotFound, KubectlError } from '../rest/errors.ts';
import type { CommandContext } from '../cmd/command.ts';
import { labelsOf, matchesSelector, parseSelector, type Requirement } from '../../lib/label_selector.ts';
import { buildFromFiles, type Info } from './builder.ts';
import { OpenAPIV3 } from './openapi.ts';
import { SeparateTypeArgumentError } from './args.ts';

export const filenamesOf = (ctx: CommandContext) => list(ctx.flags, 'filename');

/**
 * The builder's checks before it reads anything: every path exists, no resource arguments
 * next to paths, and a label selector that parses. Returns the parsed selector.
 */
export function checkFileRequest(ctx: CommandContext): Requirement[] | undefined {
  for (const name of filenamesOf(ctx)) {
    if (name !== '-' && ctx.files.readFile(name) === undefined) throw new KubectlError(`the path ${JSON.stringify(name)} does not exist`);
  }
  const args = ctx.args;
  if (args.length > 0) {
    const slashed = args.filter((a) => a.includes('/')).length;
    if (slashed > 0 && slashed !== args.length) {
      throw new SeparateTypeArgumentError();
    }
    if (slashed > 0) throw new KubectlError('resource/name arguments cannot be provided when a path is specified');
    throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  const selector = str(ctx.flags, 'selector').trim();
  if (selector === '') return undefined;
  try {
    return parseSelector(selector);
  } catch (e) {
    throw new KubectlError(`the provided selector ${JSON.stringify(selector)} is not valid: ${(e as Error).message}`);
  }
}

/** The label filter the builder puts after reading: objects without matching labels are dropped. */
export const passesSelector = (selector: Requirement[] | undefined, object: unknown) =>
  selector === undefined || matchesSelector(selector, labelsOf(object));

/** The namespace -n asks for, when it was given (and not overridden by -A). */
export function enforcedNamespace(ctx: CommandContext, allNamespaces: boolean): string | undefined {
  return ctx.flags.changed.has('namespace') && !allNamespaces ? ctx.namespace : undefined;
}

/** RequireNamespace: a namespaced object from a file must be in the namespace -n names. */
export function namespaceMismatch(info: Info, namespace: string | undefined): Error | undefined {
  if (namespace === undefined || !info.mapping.resource.namespaced || info.namespace === namespace) return undefined;
  return new Error(
    `the namespace from the provided object ${JSON.stringify(info.namespace)} does not match the namespace ${JSON.stringify(namespace)}. You must pass '--namespace=${info.namespace}' to perform this operation.`,
  );
}

/** RetrieveLatest's refusal of a namespaced object without a namespace (what -A leaves). */
export function noNamespaceError(info: Info): Error {
  const r = info.mapping.resource;
  return new Error(`no namespace set on resource ${r.group}/${r.version}, Resource=${r.name} ${JSON.stringify(info.name)}`);
}



/**
 * The error the builder's visitors hand back: the read errors (an eager visitor list's
 * aggregate) after the namespace refusals (ContinueOnErrorVisitor, which returns a lone error
 * as it is).
 */
export function visitorError(namespaceErrors: Error[], readErrors: Error[]): Error | undefined {
  const errors = [...namespaceErrors, ...(readErrors.length > 0 ? [new GoAggregate(readErrors)] : [])];
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new GoAggregate(errors);
}

/**
 * get -f and describe -f: the objects the files name (a namespaced one naming none gets the
 * context's namespace, or none under -A), each optionally read again from the server first
 * (`latest`, the builder's RetrieveLatest), then -l's filter and RequireNamespace applied to
 * that object. The error is the visitors' (visitorError); `ignoreNotFound` drops NotFound reads.
 */
export async function objectsFromFiles(
  ctx: CommandContext,
  opts: { latest?: (info: Info) => Promise<unknown>; ignoreNotFound?: boolean } = {},
): Promise<{ found: { info: Info; object: unknown }[]; error?: Error }> {
  const selector = checkFileRequest(ctx);
  const allNamespaces = bool(ctx.flags, 'all-namespaces');
  const required = enforcedNamespace(ctx, allNamespaces);
  const found: { info: Info; object: unknown }[] = [];
  const namespaceErrors: Error[] = [];
  const built = await buildFromFiles(
    ctx,
    { validation: 'Ignore', openapi: new OpenAPIV3(ctx.client()), enforceNamespace: false, namespace: allNamespaces ? '' : ctx.namespace, errorsInOrder: true },
    async (info) => {
      const object = opts.latest ? await opts.latest(info) : info.object;
      if (!passesSelector(selector, object)) return;
      const mismatch = namespaceMismatch(info, required);
      if (mismatch) namespaceErrors.push(mismatch);
      else found.push({ info, object });
    },
  );
  const readErrors = opts.ignoreNotFound ? built.errors.filter((e) => !isNotFound(e)) : built.errors;
  return { found, error: visitorError(namespaceErrors, readErrors) };
}
