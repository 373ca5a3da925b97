// The scale subresource of Deployments and ReplicaSets: autoscaling/v1 Scale as
// pkg/registry/apps/*/storage's scaleFrom* builds it, and the write back to spec.replicas.

import { clone, isObject, type KubeObject } from '../types.ts';
import { labelSelectorString, numberOf, specOf, statusOf } from './objects.ts';

/** A Deployment's or ReplicaSet's autoscaling/v1 Scale. */
export function toScale(obj: KubeObject): KubeObject {
  const meta = obj.metadata;
  const status: Record<string, unknown> = { replicas: numberOf(statusOf(obj).replicas) };
  const selector = labelSelectorString(specOf(obj).selector);
  if (selector) status.selector = selector;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: numberOf(specOf(obj).replicas) },
    status,
  };
}

/** The object with spec.replicas from the Scale; the resourceVersion carries over for conflicts. */
export function applyScale(obj: KubeObject, scale: KubeObject): KubeObject {
  const next = clone(obj);
  const spec = specOf(next);
  const scaleSpec = isObject(scale.spec) ? scale.spec : {};
  spec.replicas = numberOf(scaleSpec.replicas);
  next.spec = spec;
  const rv = scale.metadata?.resourceVersion;
  if (rv) next.metadata.resourceVersion = rv;
  return next;
}

export const scaleSubresource = { toScale, applyScale };
