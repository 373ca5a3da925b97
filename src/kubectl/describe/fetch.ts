// How the typed clientset the describers use talks to the server: protobuf preferred, JSON accepted.

import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
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

/** A typed client's resource: where resourcePath puts it. */
interface TypedResource {
  group: string;
  version: string;
  /** The plural resource name. */
  name: string;
  namespaced: boolean;
}

export const core = (resource: string, namespaced = true): TypedResource => ({ group: '', version: 'v1', name: resource, namespaced });
export const apps = (resource: string): TypedResource => ({ group: 'apps', version: 'v1', name: resource, namespaced: true });
export const discovery = (resource: string): TypedResource => ({ group: 'discovery.k8s.io', version: 'v1', name: resource, namespaced: true });
export const coordination = (resource: string): TypedResource => ({ group: 'coordination.k8s.io', version: 'v1', name: resource, namespaced: true });

/** A typed Get. */
export function getTyped<T>(ctx: CommandContext, r: TypedResource, namespace: string, name: string): Promise<T> {
  return ctx.client().getJSON<T>({ caller: caller.typedGet, path: resourcePath(r, namespace, name), accept: accept.protobufPreferred, resource: { group: r.group, resource: r.name }, name });
}

/** A typed List with the given query (labelSelector, fieldSelector, limit). */
export async function listTyped<T>(ctx: CommandContext, r: TypedResource, namespace: string, query: Record<string, string | undefined>): Promise<T[]> {
  const list = await ctx.client().getJSON<{ items?: T[] }>({ caller: caller.typedList,
    path: resourcePath(r, namespace) + encodeQuery(query),
    accept: accept.protobufPreferred,
    resource: { group: r.group, resource: r.name },
  });
  return list.items ?? [];
}
