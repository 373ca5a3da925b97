// Builds a group-version OpenAPI v3 document the way kube-apiserver does: the paths come from the
// routes the endpoint installer registers for each served resource (apiserver
// pkg/endpoints/installer.go + kube-openapi builder3), the schemas from the generated definitions.
// Used by the generator for built-in group-versions and at run time for CRDs.

export type JsonMap = { [key: string]: unknown };

/** One served resource, as the installer sees it. */
export interface ResourceRoute {
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  subresources?: string[];
}

export interface GroupVersionSpec {
  group: string;
  version: string;
  resources: ResourceRoute[];
  /** Schema name of each kind (and `<Kind>List`), e.g. `io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService`. */
  schemaName: (kind: string) => string;
  /** Custom resources are served as JSON and YAML only, and take no strategic merge patch. */
  custom?: boolean;
  /** Every schema the document may reference; the document keeps only the ones it uses. */
  schemas: Record<string, unknown>;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const ref = (name: string) => `#/components/schemas/${name}`;

// Query parameter descriptions, as apimachinery's ListOptions/DeleteOptions/CreateOptions document them.
const PARAMETER_TEXT: Record<string, [string, string]> = {
  allowWatchBookmarks: [
    'boolean',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion. Clients should not assume bookmarks are returned at any specific interval, nor may they assume the server will send any BOOKMARK event during a session. If this is not a watch, this field is ignored.',
  ],
  continue: [
    'string',
    'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize. If the specified continue value is no longer valid whether due to expiration (generally five to fifteen minutes) or a configuration change on the server, the server will respond with a 410 ResourceExpired error together with a continue token. If the client needs a consistent list, it must restart their list without the continue field. Otherwise, the client may send another list request with the token received with the 410 error, the server will respond with a list starting from the next key, but from the latest snapshot, which is inconsistent from the previous list results - objects that are created, modified, or deleted after the first list request will be included in the response, as long as their keys are after the "next key".\n\nThis field is not supported when watch is true. Clients may start a watch from the last resourceVersion value returned by the server and not miss any modifications.',
  ],
  dryRun: [
    'string',
    'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed',
  ],
  fieldManager: [
    'string',
    'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.',
  ],
  fieldSelector: ['string', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'],
  fieldValidation: [
    'string',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
  ],
  force: [
    'boolean',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
  ],
  gracePeriodSeconds: [
    'integer',
    'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.',
  ],
  ignoreStoreReadErrorWithClusterBreakingPotential: [
    'boolean',
    'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it',
  ],
  labelSelector: ['string', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'],
  limit: [
    'integer',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results. Setting a limit may return fewer than the requested amount of items (up to zero items) in the event all requested objects are filtered out and clients should only use the presence of the continue field to determine whether more results are available. Servers may choose not to support the limit argument and will return all of the available results. If limit is specified and the continue field is empty, clients may assume that no more results are available. This field is not supported if watch is true.\n\nThe server guarantees that the objects returned when using continue will be identical to issuing a single list call without a limit - that is, no objects created, modified, or deleted after the first request is issued will be included in any subsequent continued requests. This is sometimes referred to as a consistent snapshot, and ensures that a client that is using limit to receive smaller chunks of a very large result can ensure they see all possible objects. If objects are updated during a chunked list the version of the object that was present at the time the first list result was calculated is returned.',
  ],
  orphanDependents: [
    'boolean',
    'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list. Either this field or PropagationPolicy may be set, but not both.',
  ],
  pretty: [
    'string',
    "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
  ],
  propagationPolicy: [
    'string',
    "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.",
  ],
  resourceVersion: [
    'string',
    'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  ],
  resourceVersionMatch: [
    'string',
    'resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset',
  ],
  sendInitialEvents: [
    'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection. Once all such events have been sent, a synthetic "Bookmark" event  will be sent. The bookmark will report the ResourceVersion (RV) corresponding to the set of objects, and be marked with `"k8s.io/initial-events-end": "true"` annotation. Afterwards, the watch stream will proceed as usual, sending watch events corresponding to changes (subsequent to the RV) to objects watched.\n\nWhen `sendInitialEvents` option is set, we require `resourceVersionMatch` option to also be set. The semantic of the watch request is as following: - `resourceVersionMatch` = NotOlderThan\n  is interpreted as "data at least as new as the provided `resourceVersion`"\n  and the bookmark event is send when the state is synced\n  to a `resourceVersion` at least as fresh as the one provided by the ListOptions.\n  If `resourceVersion` is unset, this is interpreted as "consistent read" and the\n  bookmark event is send when the state is synced at least to the moment\n  when request started being processed.\n- `resourceVersionMatch` set to any other value or unset\n  Invalid error is returned.\n\nDefaults to true if `resourceVersion=""` or `resourceVersion="0"` (for backward compatibility reasons) and to false otherwise.',
  ],
  timeoutSeconds: [
    'integer',
    'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.',
  ],
  watch: [
    'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.',
  ],
};

// PATCH documents fieldManager with the apply-specific sentence (PatchOptions' comment).
const PATCH_FIELD_MANAGER =
  PARAMETER_TEXT.fieldManager[1] +
  ' This field is required for apply requests (application/apply-patch) but optional for non-apply patch types (JsonPatch, MergePatch, StrategicMergePatch).';

const LIST_PARAMS = ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch'];
const DELETE_PARAMS = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];
const DELETE_COLLECTION_PARAMS = [...DELETE_PARAMS, ...LIST_PARAMS.filter((p) => p !== 'allowWatchBookmarks' && p !== 'watch')].sort();
const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'];

function queryParameter(name: string, description?: string): JsonMap {
  const [type, text] = PARAMETER_TEXT[name];
  return { description: description ?? text, in: 'query', name, schema: { type, uniqueItems: true } };
}

function pathParameter(name: 'name' | 'namespace', kind: string): JsonMap {
  const description = name === 'name' ? `name of the ${kind}` : 'object name and auth scope, such as for teams and projects';
  return { description, in: 'path', name, required: true, schema: { type: 'string', uniqueItems: true } };
}

const byName = (a: JsonMap, b: JsonMap) => String(a.name).localeCompare(String(b.name));

/** `apiregistration.k8s.io` → `Apiregistration`, `rbac.authorization.k8s.io` → `RbacAuthorization`, core → `Core`. */
export function groupIdentifier(group: string): string {
  if (!group) return 'Core';
  const trimmed = group.endsWith('.k8s.io') ? group.slice(0, -'.k8s.io'.length) : group;
  return trimmed
    .split(/[.-]/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

/** The operation tag: `apiregistration_v1`, `core_v1`, `rbacAuthorization_v1`. */
export function operationTag(group: string, version: string): string {
  const id = groupIdentifier(group);
  return `${id[0].toLowerCase()}${id.slice(1)}_${version}`;
}

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? 'an' : 'a');

/** The URL prefix of a group-version: `/api/v1` or `/apis/<group>/<version>`. */
export const groupVersionPrefix = (group: string, version: string) => (group ? `/apis/${group}/${version}` : `/api/${version}`);

function mediaTypes(custom: boolean, stream: boolean): string[] {
  const types = custom ? ['application/json', 'application/yaml'] : ['application/json', 'application/vnd.kubernetes.protobuf', 'application/yaml'];
  if (stream) types.push(...(custom ? ['application/json;stream=watch'] : ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch']));
  return types.sort();
}

function content(schema: string, types: string[]): JsonMap {
  const out: JsonMap = {};
  for (const t of types) out[t] = { schema: { $ref: ref(schema) } };
  return out;
}

/** Build the `paths` of one group-version, as the installer registers its routes. */
export function buildPaths(spec: GroupVersionSpec): JsonMap {
  const { group, version } = spec;
  const custom = spec.custom ?? false;
  const prefix = groupVersionPrefix(group, version);
  const tag = operationTag(group, version);
  const gvId = groupIdentifier(group) + version[0].toUpperCase() + version.slice(1);
  const plain = mediaTypes(custom, false);
  const streamed = mediaTypes(custom, true);
  const ok = (schema: string, types = plain) => ({ content: content(schema, types), description: 'OK' });
  const unauthorized = { description: 'Unauthorized' };
  const paths: JsonMap = {};

  paths[`${prefix}/`] = {
    get: {
      description: 'get available resources',
      operationId: `get${gvId}APIResources`,
      responses: { '200': ok(`${META}APIResourceList`, mediaTypes(custom, false)), '401': unauthorized },
      tags: [tag],
    },
  };

  for (const r of spec.resources) {
    const kind = r.kind;
    const gvk = { group, kind, version };
    const objectSchema = spec.schemaName(kind);
    const listSchema = spec.schemaName(`${kind}List`);
    const verbs = new Set(r.verbs);
    const scope = r.namespaced ? 'Namespaced' : '';
    const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.resource}` : `${prefix}/${r.resource}`;
    const scopeParams = r.namespaced ? [pathParameter('namespace', kind)] : [];
    const op = (action: string, verb: string, description: string, extra: JsonMap): JsonMap => ({
      description,
      operationId: `${verb}${gvId}${extra.operationSuffix ?? ''}`,
      ...withoutSuffix(extra),
      tags: [tag],
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    const patchBody = {
      content: Object.fromEntries(
        (custom
          ? ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json']
          : ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']
        ).map((t) => [t, { schema: { $ref: ref(`${META}Patch`) } }]),
      ),
      required: true,
    };
    const writeParams = (patch: boolean) =>
      [...WRITE_PARAMS, ...(patch ? ['force'] : [])].map((p) => (patch && p === 'fieldManager' ? queryParameter(p, PATCH_FIELD_MANAGER) : queryParameter(p)));
    const objectBody = { content: { '*/*': { schema: { $ref: ref(objectSchema) } } }, required: true };
    const deleteBody = { content: { '*/*': { schema: { $ref: ref(`${META}DeleteOptions`) } } } };

    // Collection: list, create, deletecollection.
    const collection: JsonMap = { parameters: [...scopeParams, queryParameter('pretty')].sort(byName) };
    if (verbs.has('deletecollection'))
      collection.delete = op('deletecollection', 'delete', `delete collection of ${kind}`, {
        operationSuffix: `Collection${scope}${kind}`,
        parameters: DELETE_COLLECTION_PARAMS.map((p) => queryParameter(p)),
        requestBody: deleteBody,
        responses: { '200': ok(`${META}Status`), '401': unauthorized },
      });
    if (verbs.has('list'))
      collection.get = op('list', 'list', `list or watch objects of kind ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        parameters: LIST_PARAMS.map((p) => queryParameter(p)),
        responses: { '200': ok(listSchema, streamed), '401': unauthorized },
      });
    if (verbs.has('create'))
      collection.post = op('post', 'create', `create ${article(kind)} ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        parameters: writeParams(false),
        requestBody: objectBody,
        responses: {
          '200': ok(objectSchema),
          '201': { content: content(objectSchema, plain), description: 'Created' },
          '202': { content: content(objectSchema, plain), description: 'Accepted' },
          '401': unauthorized,
        },
      });
    paths[base] = collection;

    // One object: read, replace, patch, delete.
    const itemParams = [pathParameter('name', kind), ...scopeParams, queryParameter('pretty')].sort(byName);
    const item: JsonMap = { parameters: itemParams };
    if (verbs.has('delete'))
      item.delete = op('delete', 'delete', `delete ${article(kind)} ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        parameters: DELETE_PARAMS.map((p) => queryParameter(p)),
        requestBody: deleteBody,
        responses: {
          '200': ok(`${META}Status`),
          '202': { content: content(`${META}Status`, plain), description: 'Accepted' },
          '401': unauthorized,
        },
      });
    if (verbs.has('get'))
      item.get = op('get', 'read', `read the specified ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        responses: { '200': ok(objectSchema), '401': unauthorized },
      });
    const writeResponses = { '200': ok(objectSchema), '201': { content: content(objectSchema, plain), description: 'Created' }, '401': unauthorized };
    if (verbs.has('patch'))
      item.patch = op('patch', 'patch', `partially update the specified ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        parameters: writeParams(true),
        requestBody: patchBody,
        responses: writeResponses,
      });
    if (verbs.has('update'))
      item.put = op('put', 'replace', `replace the specified ${kind}`, {
        operationSuffix: `${scope}${kind}`,
        parameters: writeParams(false),
        requestBody: objectBody,
        responses: writeResponses,
      });
    paths[`${base}/{name}`] = item;

    for (const sub of r.subresources ?? []) {
      if (sub !== 'status' && sub !== 'scale') continue;
      // The scale subresource speaks autoscaling/v1 Scale, which needs its own definition.
      if (sub === 'scale' && !('io.k8s.api.autoscaling.v1.Scale' in spec.schemas)) continue;
      const subSchema = sub === 'status' ? objectSchema : 'io.k8s.api.autoscaling.v1.Scale';
      const Sub = sub[0].toUpperCase() + sub.slice(1);
      const subGvk = sub === 'status' ? gvk : { group: 'autoscaling', kind: 'Scale', version: 'v1' };
      const subOp = (action: string, verb: string, description: string, extra: JsonMap): JsonMap => ({
        ...op(action, verb, description, { ...extra, operationSuffix: `${scope}${kind}${Sub}` }),
        'x-kubernetes-group-version-kind': subGvk,
      });
      const subResponses = { '200': ok(subSchema), '201': { content: content(subSchema, plain), description: 'Created' }, '401': unauthorized };
      paths[`${base}/{name}/${sub}`] = {
        get: subOp('get', 'read', `read ${sub} of the specified ${kind}`, { responses: { '200': ok(subSchema), '401': unauthorized } }),
        parameters: itemParams,
        patch: subOp('patch', 'patch', `partially update ${sub} of the specified ${kind}`, {
          parameters: writeParams(true),
          requestBody: patchBody,
          responses: subResponses,
        }),
        put: subOp('put', 'replace', `replace ${sub} of the specified ${kind}`, {
          parameters: writeParams(false),
          requestBody: { content: { '*/*': { schema: { $ref: ref(subSchema) } } }, required: true },
          responses: subResponses,
        }),
      };
    }

    if (verbs.has('watch')) {
      const watchBase = r.namespaced ? `${prefix}/watch/namespaces/{namespace}/${r.resource}` : `${prefix}/watch/${r.resource}`;
      const watchParams = [...LIST_PARAMS.map((p) => queryParameter(p)), queryParameter('pretty'), ...scopeParams];
      const watchEvent = { '200': ok(`${META}WatchEvent`, streamed), '401': unauthorized };
      paths[watchBase] = {
        get: op('watchlist', 'watch', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`, {
          operationSuffix: `${scope}${kind}List`,
          responses: watchEvent,
        }),
        parameters: [...watchParams].sort(byName),
      };
      paths[`${watchBase}/{name}`] = {
        get: op(
          'watch',
          'watch',
          `watch changes to an object of kind ${kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
          { operationSuffix: `${scope}${kind}`, responses: watchEvent },
        ),
        parameters: [...watchParams, pathParameter('name', kind)].sort(byName),
      };
      if (r.namespaced) {
        paths[`${prefix}/watch/${r.resource}`] = {
          get: op('watchlist', 'watch', `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`, {
            operationSuffix: `${kind}ListForAllNamespaces`,
            responses: watchEvent,
          }),
          parameters: [...LIST_PARAMS.map((p) => queryParameter(p)), queryParameter('pretty')].sort(byName),
        };
      }
    }
    if (r.namespaced && verbs.has('list')) {
      paths[`${prefix}/${r.resource}`] = {
        get: op('list', 'list', `list or watch objects of kind ${kind}`, {
          operationSuffix: `${kind}ForAllNamespaces`,
          responses: { '200': ok(listSchema, streamed), '401': unauthorized },
        }),
        parameters: [...LIST_PARAMS.map((p) => queryParameter(p)), queryParameter('pretty')].sort(byName),
      };
    }
  }
  return paths;
}

function withoutSuffix(extra: JsonMap): JsonMap {
  const { operationSuffix: _unused, ...rest } = extra;
  return rest;
}

/** Every schema name reachable through `$ref` from the given roots. */
export function referencedSchemas(roots: unknown, schemas: Record<string, unknown>): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
          const name = v.slice('#/components/schemas/'.length);
          if (!seen.has(name) && name in schemas) {
            seen.add(name);
            visit(schemas[name]);
          }
        } else visit(v);
      }
    }
  };
  visit(roots);
  return [...seen].sort();
}

/** Go's encoding/json writes map keys sorted; the committed specs do too. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    const out: JsonMap = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as JsonMap)[k]);
    return out as T;
  }
  return value;
}

/** A whole group-version document: paths, the schemas they use, and the bearer-token scheme. */
export function buildGroupVersionDocument(spec: GroupVersionSpec): JsonMap {
  const paths = buildPaths(spec);
  const kindSchemas = spec.resources.flatMap((r) => [spec.schemaName(r.kind), spec.schemaName(`${r.kind}List`)]);
  const used = referencedSchemas([paths, kindSchemas.map((n) => ({ $ref: ref(n) }))], spec.schemas);
  const schemas: JsonMap = {};
  for (const name of used) schemas[name] = spec.schemas[name];
  return sortKeys({
    components: {
      schemas,
      securitySchemes: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    },
    info: { title: 'Kubernetes', version: 'unversioned' },
    openapi: '3.0.0',
    paths,
  });
}
