// kubectl's RESTMapper over discovery: the shortcut expander (short names), the priority
// mapper (groups in the server's order, preferred version first), plural/singular/kind
// matching, `resource.group` and `resource.version.group` arguments, and categories.

import type { APIGroup, APIResource } from './discovery.ts';
import { NoResourceMatchError } from './rest/errors.ts';

export interface RESTMapping {
  resource: APIResource;
  /** `pods`, `deployments.apps`: the group-qualified resource as kubectl names it. */
  groupResource: string;
}

/** `deployment.apps`, `pod`: how `-o name` and mixed-kind tables qualify a kind. */
export function kindPrefix(kind: string, group: string): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

const qualified = (r: APIResource) => (r.group ? `${r.name}.${r.group}` : r.name);

/** The singular the discovery RESTMapper registers: discovery's, or the lowercased kind. */
const singularOf = (r: APIResource) => (r.singularName || r.kind).toLowerCase();

export class RESTMapper {
  private readonly groups: APIGroup[];

  constructor(groups: APIGroup[]) {
    this.groups = groups;
  }

  /** Every resource, groups in priority order, each group's preferred version first. */
  *resources(): Generator<APIResource> {
    for (const g of this.groups) for (const v of g.versions) yield* v.resources;
  }

  /** Resources of each group's preferred version only (what api-resources shows). */
  *preferredResources(): Generator<APIResource> {
    for (const g of this.groups) if (g.versions[0]) yield* g.versions[0].resources;
  }

  /** Expands categories (`all`, `api-extensions`) into group-qualified resources, or undefined. */
  expandCategory(name: string): string[] | undefined {
    const seen = new Set<string>();
    for (const r of this.resources()) {
      if (r.name.includes('/')) continue;
      if (r.categories.includes(name)) seen.add(qualified(r));
    }
    return seen.size > 0 ? [...seen] : undefined;
  }

  /** Resolves a resource or kind argument as kubectl's resource builder does (mappingFor). */
  mappingFor(arg: string): RESTMapping {
    const dots = arg.split('.');
    if (dots.length >= 3) {
      const [resource, version, ...group] = dots;
      const found = this.find(resource!, group.join('.'), version!);
      if (found) return this.mapping(found);
    }
    const firstDot = arg.indexOf('.');
    const resource = firstDot >= 0 ? arg.slice(0, firstDot) : arg;
    const group = firstDot >= 0 ? arg.slice(firstDot + 1) : '';
    const found = this.find(resource, group, '') ?? this.findKind(arg);
    if (!found) throw new NoResourceMatchError(resource);
    return this.mapping(found);
  }

  private mapping(r: APIResource): RESTMapping {
    return { resource: r, groupResource: qualified(r) };
  }

  private find(resource: string, group: string, version: string): APIResource | undefined {
    const expanded = this.expandShortcut(resource.toLowerCase(), group);
    const name = expanded?.name ?? resource.toLowerCase();
    const wantedGroup = expanded?.group ?? group;
    const hasGroup = group !== '' || expanded !== undefined;
    for (const r of this.resources()) {
      if (r.name.includes('/')) continue;
      if (hasGroup && r.group !== wantedGroup) continue;
      if (version && r.version !== version) continue;
      if (r.name === name || singularOf(r) === name) return r;
    }
    return undefined;
  }

  private expandShortcut(resource: string, group: string): { name: string; group: string } | undefined {
    for (const r of this.resources()) {
      if (r.shortNames.includes(resource) && (group === '' || group === r.group)) return { name: r.name, group: r.group };
    }
    return undefined;
  }

  /** `Deployment`, `Deployment.apps`, `Deployment.v1.apps`: exact kind matches. */
  private findKind(arg: string): APIResource | undefined {
    const [kind, ...rest] = arg.split('.');
    const candidates: { group: string; version: string }[] = [{ group: rest.join('.'), version: '' }];
    if (rest.length >= 2) candidates.unshift({ version: rest[0]!, group: rest.slice(1).join('.') });
    for (const c of candidates) {
      for (const r of this.resources()) {
        if (r.name.includes('/') || r.kind !== kind) continue;
        if (r.group !== c.group) continue;
        if (c.version && r.version !== c.version) continue;
        return r;
      }
    }
    return undefined;
  }
}
