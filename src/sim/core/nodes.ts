// core/v1 nodes: SetDefaults_NodeStatus, name validation and printNode's Table.

import { lastRenewal } from '../clock.ts';
import type { ResourceType, TableDefinition } from '../resources.ts';
import { age } from '../../lib/duration.ts';
import { ageColumn, column, nameColumn } from '../table.ts';
import { clone, type KubeObject } from '../types.ts';
import { describe } from './descriptions.ts';
import { arrayOf, objectOf, specOf, statusOf, stringOf } from './objects.ts';
import { isDNS1123Subdomain, validateObjectMeta } from './validation.ts';

const labelNodeRolePrefix = 'node-role.kubernetes.io/';
const nodeLabelRole = 'kubernetes.io/role';

/** SetDefaults_NodeStatus: allocatable defaults to capacity. */
function defaultNode(node: KubeObject): void {
  const status = node.status as Record<string, unknown> | undefined;
  if (status && status.allocatable === undefined && status.capacity !== undefined) status.allocatable = clone(status.capacity);
}

/**
 * nodeStatusReportFrequency: with nothing to change, a kubelet still posts its node status
 * (every condition's lastHeartbeatTime) every five minutes.
 */
const nodeStatusReportMs = 5 * 60_000;

/** The node as of `now`: the heartbeats the kubelet has posted since its last recorded report. */
function nodeAsOf(node: KubeObject, now: number): KubeObject {
  const conditions = arrayOf(statusOf(node).conditions);
  const beats = conditions.map((c) => (typeof c.lastHeartbeatTime === 'string' ? lastRenewal(c.lastHeartbeatTime, nodeStatusReportMs, now) : c.lastHeartbeatTime));
  if (beats.every((b, i) => b === conditions[i].lastHeartbeatTime)) return node;
  return {
    ...node,
    status: { ...statusOf(node), conditions: conditions.map((c, i) => ({ ...c, lastHeartbeatTime: beats[i] })) },
  };
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(labelNodeRolePrefix) && k.length > labelNodeRolePrefix.length) roles.add(k.slice(labelNodeRolePrefix.length));
    else if (k === nodeLabelRole && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

/** Whether the node's Ready condition is True. */
export function isNodeReady(node: KubeObject): boolean {
  return arrayOf(statusOf(node).conditions).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function nodeAddress(node: KubeObject, type: string): string {
  return stringOf(arrayOf(statusOf(node).addresses).find((a) => a.type === type)?.address);
}

function nodeCells(node: KubeObject, now: number): unknown[] {
  const status = statusOf(node);
  const ready = arrayOf(status.conditions).find((c) => c.type === 'Ready');
  const states: string[] = [];
  if (ready) states.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (states.length === 0) states.push('Unknown');
  if (specOf(node).unschedulable === true) states.push('SchedulingDisabled');
  const info = objectOf(status.nodeInfo);
  return [
    node.metadata.name ?? '',
    states.join(','),
    nodeRoles(node).join(',') || '<none>',
    age(node.metadata.creationTimestamp, now),
    stringOf(info.kubeletVersion),
    nodeAddress(node, 'InternalIP') || '<none>',
    nodeAddress(node, 'ExternalIP') || '<none>',
    stringOf(info.osImage) || '<unknown>',
    stringOf(info.kernelVersion) || '<unknown>',
    stringOf(info.containerRuntimeVersion) || '<unknown>',
  ];
}

export const nodeTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    ageColumn,
    column('Version', 'string', describe.kubeletVersion),
    column('Internal-IP', 'string', describe.nodeAddresses, 1),
    column('External-IP', 'string', describe.nodeAddresses, 1),
    column('OS-Image', 'string', describe.osImage, 1),
    column('Kernel-Version', 'string', describe.kernelVersion, 1),
    column('Container-Runtime', 'string', describe.containerRuntimeVersion, 1),
  ],
  cells: (obj, ctx) => nodeCells(obj, ctx.now),
};

export const nodeBehaviour: Partial<ResourceType> = {
  defaults: defaultNode,
  // Nodes may set status on create (kubelets register that way); updates keep it.
  prepareForUpdate: (node, old) => {
    node.status = clone(old.status);
  },
  validate: (node) => validateObjectMeta(node, false, isDNS1123Subdomain),
  table: nodeTable,
  fieldSelectors: ['spec.unschedulable'],
  asOf: (node, ctx) => nodeAsOf(node, ctx.now),
};
