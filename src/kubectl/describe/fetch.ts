// How the typed clientset the describers use talks to the server: protobuf preferred, JSON accepted.

import { accept } from '../rest/client.ts';
import { encodeQuery, pathEscape } from '../rest/paths.ts';
import type { CommandContext } from '../cmd/command.ts';
import { caller } from '../rest/body_log.ts';

/** An object as the typed clientset decodes it, read field by field. */
export type Json = Record<string, any>;

/** The ObjectMeta fields the describers print. */
export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface TypedResource {
  /** `/api/v1` or `/apis/GROUP/VERSION`. */
  prefix: string;
  group: string;
  resource: string;
  namespaced: boolean;
}

export const core = (resource: string, namespaced = true): TypedResource => ({ prefix: '/api/v1', group: '', resource, namespaced });
export const apps = (resource: string): TypedResource => ({ prefix: '/apis/apps/v1', group: 'apps', resource, namespaced: true });
export const discovery = (resource: string): TypedResource => ({ prefix: '/apis/discovery.k8s.io/v1', group: 'discovery.k8s.io', resource, namespaced: true });
export const coordination = (resource: string): TypedResource => ({ prefix: '/apis/coordination.k8s.io/v1', group: 'coordination.k8s.io', resource, namespaced: true });

function pathOf(r: TypedResource, namespace: string, name?: string): string {
  let path = r.prefix;
  if (r.namespaced && namespace) path += `/namespaces/${pathEscape(namespace)}`;
  path += `/${r.resource}`;
  if (name !== undefined) path += `/${pathEscape(name)}`;
  return path;
}

/** A typed Get. */
export function getTyped<T>(ctx: CommandContext, r: TypedResource, namespace: string, name: string): Promise<T> {
  return ctx.client().getJSON<T>({ caller: caller.typedGet, path: pathOf(r, namespace, name), accept: accept.protobufPreferred, resource: { group: r.group, resource: r.resource }, name });
}

/** A typed List with the given query (labelSelector, fieldSelector, limit). */
export async function listTyped<T>(ctx: CommandContext, r: TypedResource, namespace: string, query: Record<string, string | undefined>): Promise<T[]> {
  const list = await ctx.client().getJSON<{ items?: T[] }>({ caller: caller.typedList,
    path: pathOf(r, namespace) + encodeQuery(query),
    accept: accept.protobufPreferred,
    resource: { group: r.group, resource: r.resource },
  });
  return list.items ?? [];
}
