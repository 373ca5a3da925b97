// kubectl -o name: `kind.group/name`, one per object.

import { kindPrefix } from '../restmapper.ts';

export interface TypedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

export const groupOf = (apiVersion: string | undefined) => (apiVersion?.includes('/') ? apiVersion.split('/')[0]! : '');

export function printName(obj: TypedObject): string {
  return `${kindPrefix(obj.kind ?? '', groupOf(obj.apiVersion))}/${obj.metadata?.name ?? ''}\n`;
}
