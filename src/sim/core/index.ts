// The core kinds' behaviour — defaults, strategies, validation, Tables, scale — keyed
// "<group>/<version>/<resource>", to merge over the catalog's names and verbs.

import type { ObjectLookup, ResourceType } from '../resources.ts';
import { deploymentBehaviour, replicaSetBehaviour } from './deployments.ts';
import { endpointsBehaviour } from './endpoints.ts';
import { endpointSliceBehaviour } from './endpointslices.ts';
import { eventBehaviour } from './events.ts';
import { leaseBehaviour } from './leases.ts';
import { namespaceBehaviour } from './namespaces.ts';
import { nodeBehaviour } from './nodes.ts';
import { podBehaviour } from './pods.ts';
import { serviceBehaviour } from './services.ts';

/**
 * The behaviours, with Service creation allocating ClusterIPs from what `lookup` (the store)
 * holds, as the registry does inside the create request.
 */
export function createCoreBehaviours(lookup?: ObjectLookup): Record<string, Partial<ResourceType>> {
  return {
    '/v1/namespaces': namespaceBehaviour,
    '/v1/nodes': nodeBehaviour,
    '/v1/pods': podBehaviour,
    '/v1/services': serviceBehaviour(lookup),
    '/v1/endpoints': endpointsBehaviour,
    '/v1/events': eventBehaviour,
    'discovery.k8s.io/v1/endpointslices': endpointSliceBehaviour,
    'apps/v1/deployments': deploymentBehaviour,
    'apps/v1/replicasets': replicaSetBehaviour,
    'coordination.k8s.io/v1/leases': leaseBehaviour,
  };
}

/**
 * The behaviours without a store: Services get their ClusterIP from the service-ipallocator
 * controller right after creation instead of in the create response.
 */
export const coreBehaviours: Record<string, Partial<ResourceType>> = createCoreBehaviours();

export { toScale, applyScale } from './scale.ts';
