// The apiregistration.k8s.io/v1 shapes the simulator reads, and the condition helpers of
// kube-aggregator's pkg/apis/apiregistration/v1/helper (GetAPIServiceConditionByType,
// SetAPIServiceCondition, IsAPIServiceConditionTrue, NewLocalAvailableAPIServiceCondition).

import type { GroupResource } from '../errors.ts';
import { isObject, type KubeObject } from '../types.ts';

export const apiRegistrationGroup = 'apiregistration.k8s.io';
export const apiServiceGR: GroupResource = { group: apiRegistrationGroup, resource: 'apiservices' };

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface ServiceReference {
  namespace?: string;
  name?: string;
  port?: number;
}

export interface APIServiceSpec {
  service?: ServiceReference | null;
  group?: string;
  version?: string;
  insecureSkipTLSVerify?: boolean;
  caBundle?: string;
  groupPriorityMinimum?: number;
  versionPriority?: number;
}

export interface APIServiceCondition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface APIServiceStatus {
  conditions?: APIServiceCondition[];
}

export interface APIService extends KubeObject {
  spec: APIServiceSpec;
  status?: APIServiceStatus;
}

export const localAvailableReason = 'Local';
export const localAvailableMessage = 'Local APIServices are always available';

/** The spec of any object, as the APIService spec (empty when absent or malformed). */
export function specOf(obj: KubeObject): APIServiceSpec {
  return isObject(obj.spec) ? (obj.spec as APIServiceSpec) : {};
}

/** spec.service, or undefined for a Local APIService (nil in Go). */
export function serviceOf(obj: KubeObject): ServiceReference | undefined {
  const service = specOf(obj).service;
  return isObject(service) ? service : undefined;
}

export const isLocal = (obj: KubeObject) => serviceOf(obj) === undefined;

export function conditionsOf(obj: KubeObject): APIServiceCondition[] {
  const status = obj.status;
  if (!isObject(status) || !Array.isArray(status.conditions)) return [];
  return status.conditions as APIServiceCondition[];
}

/** GetAPIServiceConditionByType. */
export function getAPIServiceConditionByType(obj: KubeObject, type: string): APIServiceCondition | undefined {
  return conditionsOf(obj).find((c) => isObject(c) && c.type === type);
}

/** The current Available condition, or undefined when the controllers have not set one yet. */
export const availableCondition = (obj: KubeObject) => getAPIServiceConditionByType(obj, 'Available');

/** IsAPIServiceConditionTrue(apiService, Available): what the proxy and discovery check. */
export const isAPIServiceAvailable = (obj: KubeObject) => availableCondition(obj)?.status === 'True';

/** A condition with its fields in Go struct order (type, status, lastTransitionTime, reason, message). */
export function newCondition(c: APIServiceCondition): APIServiceCondition {
  const out: APIServiceCondition = { type: c.type, status: c.status };
  if (c.lastTransitionTime) out.lastTransitionTime = c.lastTransitionTime;
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

export function newLocalAvailableAPIServiceCondition(lastTransitionTime: string): APIServiceCondition {
  return newCondition({ type: 'Available', status: 'True', lastTransitionTime, reason: localAvailableReason, message: localAvailableMessage });
}

/**
 * SetAPIServiceCondition on a copy of `conditions`: a new type is appended; an existing one takes
 * the new reason and message, and the new lastTransitionTime only if its status flipped.
 */
export function setAPIServiceCondition(conditions: APIServiceCondition[], next: APIServiceCondition): APIServiceCondition[] {
  const index = conditions.findIndex((c) => c.type === next.type);
  if (index < 0) return [...conditions, newCondition(next)];
  const existing = conditions[index];
  const merged = newCondition({
    type: existing.type,
    status: next.status,
    lastTransitionTime: existing.status !== next.status ? next.lastTransitionTime : existing.lastTransitionTime,
    reason: next.reason,
    message: next.message,
  });
  return conditions.map((c, i) => (i === index ? merged : c));
}
