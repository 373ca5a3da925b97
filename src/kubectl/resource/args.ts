// The builder's ResourceTypeOrNameArgs for get and describe: `TYPE[,TYPE] [NAME...]` (the types
// with their categories expanded, each type with each name) or `TYPE/NAME...` (never a category).

import { KubectlError } from '../rest/errors.ts';
import type { RESTMapper, RESTMapping } from '../restmapper.ts';
import type { CommandContext } from '../cmd/command.ts';

/** hasCombinedTypeArgs's refusal: `TYPE/NAME` arguments beside a bare `TYPE`. */
export class SeparateTypeArgumentError extends KubectlError {
  constructor() {
    super(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
}

/** One request's worth of objects: a list, or one named object, of one mapping. */
export interface ResourceRequest {
  mapping: RESTMapping;
  name?: string;
}

/** The arguments as (types, names) groups, refusing a mix of the two forms. */
function splitArgs(args: string[]): { types: string[]; names: string[]; slashed: boolean }[] {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) throw new SeparateTypeArgumentError();
    return args.map((a) => {
      const i = a.indexOf('/');
      return { types: [a.slice(0, i)], names: [a.slice(i + 1)], slashed: true };
    });
  }
  return [{ types: args[0]!.split(',').filter((t) => t !== ''), names: args.slice(1), slashed: false }];
}

/**
 * The requests the arguments make, and whether they name a single item (one type, not a
 * category, one name), as the builder's singleItemImplied reports it.
 */
export function resolveResourceArgs(ctx: CommandContext, args: string[]): Promise<{ requests: ResourceRequest[]; singleItemImplied: boolean }> {
  const groups = splitArgs(args);
  return ctx.withMapper((mapper) => mapRequests(mapper, groups));
}

function mapRequests(mapper: RESTMapper, groups: ReturnType<typeof splitArgs>): { requests: ResourceRequest[]; singleItemImplied: boolean } {
  const requests: ResourceRequest[] = [];
  let expanded = false;
  for (const { types, names, slashed } of groups) {
    const mappings: RESTMapping[] = [];
    for (const t of types) {
      const category = slashed ? undefined : mapper.expandCategory(t);
      if (category) {
        expanded = true;
        for (const r of category) mappings.push(mapper.mappingFor(r));
      } else mappings.push(mapper.mappingFor(t));
    }
    for (const m of mappings) {
      if (names.length === 0) requests.push({ mapping: m });
      else for (const n of names) requests.push({ mapping: m, name: n });
    }
  }
  const singleItemImplied = !expanded && groups.length === 1 && groups[0]!.types.length === 1 && groups[0]!.names.length === 1;
  return { requests, singleItemImplied };
}
