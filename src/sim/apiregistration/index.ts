// apiregistration.k8s.io/v1 APIService as the simulated kube-apiserver serves it: names for
// discovery, the registry strategy, validation and the server-side Table.

import { rfc3339, systemClock, type Clock } from '../clock.ts';
import type { ResourceType } from '../resources.ts';
import { apiRegistrationGroup } from './helpers.ts';
import { apiServiceTable } from './table.ts';
import { prepareForCreate, prepareForStatusUpdate, prepareForUpdate, setDefaults } from './strategy.ts';
import { decodeAPIService } from './decode.ts';
import { validateAPIService, validateAPIServiceUpdate } from './validation.ts';

/**
 * The APIService kind. `clock` stamps the Available condition PrepareForCreate gives Local
 * APIServices (metav1.Now() in the real strategy): pass the cluster's clock.
 */
export function createAPIServiceType(clock: Clock): ResourceType {
  return {
    group: apiRegistrationGroup,
    version: 'v1',
    resource: 'apiservices',
    kind: 'APIService',
    listKind: 'APIServiceList',
    singular: 'apiservice',
    namespaced: false,
    categories: ['api-extensions'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
    table: apiServiceTable,
    defaults: setDefaults,
    prepareForCreate: (obj) => prepareForCreate(obj, rfc3339(clock.now())),
    prepareForUpdate,
    prepareForStatusUpdate,
    decode: decodeAPIService,
    // The registry strategy refuses updates that do not name the resourceVersion they replace.
    allowUnconditionalUpdate: false,
    validate: (obj, old) => (old ? validateAPIServiceUpdate(obj, old) : validateAPIService(obj)),
    // The strategy never sets metadata.generation for APIServices.
    hasGeneration: false,
  };
}

/** The APIService kind stamped with the wall clock; prefer createAPIServiceType(ctx.clock). */
export const apiServiceType: ResourceType = createAPIServiceType(systemClock);

export * from './helpers.ts';
export { apiServiceTable, availableCell, serviceCell } from './table.ts';
export { canonicalAPIService, prepareForStatusUpdate, setDefaults } from './strategy.ts';
export { validateAPIService, validateAPIServiceStatusUpdate, validateAPIServiceUpdate } from './validation.ts';
export { decodeAPIService } from './decode.ts';
export { apiServiceName, automanagedLabel, builtinAPIServices, builtinGroupVersions, type BuiltinGroupVersion } from './builtin.ts';
