// metav1.Status failures with the reasons, codes and messages of apimachinery's
// pkg/api/errors, so kubectl words every error as it does against a real cluster.

import { errorBody, formatFieldError, type FieldError } from './fielderrors.ts';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A failure the server answers with a Status body. */
export class ApiError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.status = status;
  }
}

/** A group and resource as kube names them: `apiservices.apiregistration.k8s.io`, or `pods` for core. */
export interface GroupResource {
  group: string;
  resource: string;
}

export const qualifiedResource = (gr: GroupResource) => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

function failure(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  // Go omits empty fields from the JSON, so keep key order as the real server writes it.
  return new ApiError(reorder(status));
}

function reorder(s: Status): Status {
  const { kind, apiVersion, metadata, status, message, reason, details, code } = s;
  const out: Record<string, unknown> = { kind, apiVersion, metadata, status };
  if (message !== undefined) out.message = message;
  if (reason !== undefined) out.reason = reason;
  if (details !== undefined) out.details = details;
  out.code = code;
  return out as unknown as Status;
}

export const notFound = (gr: GroupResource, name: string) =>
  failure(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource });

export const alreadyExists = (gr: GroupResource, name: string) =>
  failure(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, { name, group: gr.group || undefined, kind: gr.resource });

export const conflict = (gr: GroupResource, name: string, why: string) =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });

export const badRequest = (message: string) => failure(400, 'BadRequest', message);

export const methodNotSupported = (gr: GroupResource, action: string) =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`, {
    group: gr.group || undefined,
    kind: gr.resource,
  });

/** The generic 404 the apiserver gives for an unknown resource inside a served group/version. */
export const resourceNotFound = () => failure(404, 'NotFound', 'the server could not find the requested resource', {});

export const unsupportedMediaType = () =>
  failure(
    415,
    'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  );

export const entityTooLarge = (limit: number) => failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const internalError = (why: string) =>
  failure(500, 'InternalError', `Internal error occurred: ${why}`, { causes: [{ message: why }] });

/** 422 Invalid, as NewInvalid builds it: one error inline, several in brackets, causes per field. */
export function invalidObject(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const unique: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errs) {
    const text = formatFieldError(e);
    if (!seen.has(text)) {
      seen.add(text);
      unique.push(e);
    }
  }
  const list = unique.map(formatFieldError);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    group: group || undefined,
    kind,
    // The message lists each error once; the causes keep every one, as NewInvalid does.
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
