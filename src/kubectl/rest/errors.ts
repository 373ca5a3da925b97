// Errors as client-go builds them from responses (apimachinery's StatusError and
// NewGenericServerResponse) and as kubectl's cmdutil.CheckErr prints them.

import type { Klog } from '../klog.ts';
import { ConnectionError } from './transport.ts';

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
  kind?: string;
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  status?: string;
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code?: number;
}

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? '');
    this.status = status;
  }
}

/** A client-side error whose message kubectl prints after `error: `. */
/** apierrors.IsNotFound: the server answered a Status with reason NotFound. */
export const isNotFound = (e: unknown): boolean => e instanceof StatusError && e.status.reason === 'NotFound';

export class KubectlError extends Error {}

/** An error printed verbatim (the message carries its own prefix). */
export class PlainError extends Error {}

/** The resource type is unknown to discovery. */
export class NoResourceMatchError extends Error {
  readonly resource: string;
  constructor(resource: string) {
    super(`the server doesn't have a resource type "${resource}"`);
    this.resource = resource;
  }
}

/** Several errors printed one per line (utilerrors.Aggregate). */
export class AggregateError extends Error {
  readonly errors: Error[];
  constructor(errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
    this.errors = errors;
  }
}

/** utilerrors.NewAggregate: its message is Go's, each distinct message once, several in brackets. */
export class GoAggregate extends AggregateError {
  constructor(errors: Error[]) {
    super(errors);
    const seen = new Set<string>();
    const visit = (e: Error) => {
      if (e instanceof AggregateError) for (const inner of e.errors) visit(inner);
      else seen.add(e.message);
    };
    for (const e of errors) visit(e);
    const messages = [...seen];
    this.message = messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`;
  }
}

/** utilerrors.Flatten: the errors of nested aggregates, in order. */
export function flattenErrors(errors: Error[]): Error[] {
  return errors.flatMap((e) => (e instanceof AggregateError ? flattenErrors(e.errors) : [e]));
}

/** utilerrors.Reduce of a list (what apply, create, delete, patch and scale return): nothing, the one error, or an aggregate of them. */
export function reduceErrors(errors: Error[]): Error | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return new GoAggregate(errors);
}

/** klog.Fatalf from `source` (`file.go:line`): its F line on stderr, then exit 1. */
export class FatalError extends Error {
  readonly source: string;
  constructor(source: string, message: string) {
    super(message);
    this.source = source;
  }
}

/** Exit without a message (the command already printed what it had to). */
export class ExitError extends Error {
  readonly code: number;
  constructor(code: number) {
    super('');
    this.code = code;
  }
}

export interface GroupResource {
  group: string;
  resource: string;
}

/** apierrors.NewGenericServerResponse: a Status for a response that carried none. */
export function genericServerResponse(code: number, verb: string, gr: GroupResource | undefined, name: string, serverMessage: string): Status {
  let reason = 'Unknown';
  let message = `the server responded with the status code ${code} but did not return more information`;
  switch (code) {
    case 409:
      reason = verb === 'POST' ? 'AlreadyExists' : 'Conflict';
      message = 'the server reported a conflict';
      break;
    case 404:
      reason = 'NotFound';
      message = 'the server could not find the requested resource';
      break;
    case 400:
      reason = 'BadRequest';
      message = 'the server rejected our request for an unknown reason';
      break;
    case 401:
      reason = 'Unauthorized';
      message = 'the server has asked for the client to provide credentials';
      break;
    case 403:
      reason = 'Forbidden';
      message = serverMessage;
      break;
    case 405:
      reason = 'MethodNotAllowed';
      message = 'the server does not allow this method on the requested resource';
      break;
    case 406:
      reason = 'NotAcceptable';
      message = serverMessage === '' || serverMessage === 'unknown' ? 'the server was unable to respond with a content type that the client supports' : serverMessage;
      break;
    case 415:
      reason = 'UnsupportedMediaType';
      message = serverMessage;
      break;
    case 422:
      reason = 'Invalid';
      message = 'the server rejected our request due to an error in our request';
      break;
    case 429:
      reason = 'TooManyRequests';
      message = 'the server has received too many requests and has asked us to try again later';
      break;
    case 503:
      reason = 'ServiceUnavailable';
      message = 'the server is currently unable to handle the request';
      break;
    case 504:
      reason = 'Timeout';
      message = 'the server was unable to return a response in the time allotted, but may still be processing the request';
      break;
    default:
      if (code >= 500) {
        reason = 'InternalError';
        message = `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`;
      }
  }
  const qualified = gr ? (gr.group ? `${gr.resource}.${gr.group}` : gr.resource) : '';
  if (qualified && name) message = `${message} (${verb.toLowerCase()} ${qualified} ${name})`;
  else if (qualified) message = `${message} (${verb.toLowerCase()} ${qualified})`;
  const details: StatusDetails = {};
  if (gr?.group) details.group = gr.group;
  if (gr?.resource) details.kind = gr.resource;
  if (name) details.name = name;
  details.causes = [{ reason: 'UnexpectedServerResponse', message: serverMessage }];
  return { metadata: {}, status: 'Failure', message, reason, details, code };
}

/** Go's json.Marshal of metav1.Status: struct field order, empty fields omitted. */
export function statusInGoOrder(s: Status): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.kind) out.kind = s.kind;
  if (s.apiVersion) out.apiVersion = s.apiVersion;
  out.metadata = s.metadata ?? {};
  if (s.status) out.status = s.status;
  if (s.message) out.message = s.message;
  if (s.reason) out.reason = s.reason;
  if (s.details) {
    const d: Record<string, unknown> = {};
    if (s.details.name) d.name = s.details.name;
    if (s.details.group) d.group = s.details.group;
    if (s.details.kind) d.kind = s.details.kind;
    if (s.details.uid) d.uid = s.details.uid;
    if (s.details.causes?.length)
      d.causes = s.details.causes.map((c) => {
        const cause: Record<string, unknown> = {};
        if (c.reason) cause.reason = c.reason;
        if (c.message) cause.message = c.message;
        if (c.field) cause.field = c.field;
        return cause;
      });
    if (s.details.retryAfterSeconds) d.retryAfterSeconds = s.details.retryAfterSeconds;
    out.details = d;
  }
  if (s.code) out.code = s.code;
  return out;
}

/** kubectl's StandardErrorMessage, or undefined when the error is not one it knows. */
export function standardErrorMessage(err: Error, log?: Klog): string | undefined {
  if (err instanceof StatusError) {
    // Printed by kubectl at -v=4 and above; the literal %s is in kubectl's own output.
    log?.info(4, 'helpers.go:246', `server response object: %s[${JSON.stringify(statusInGoOrder(err.status), null, 2)}]`);
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
    if (s.reason) return `Error from server (${s.reason}): ${err.message}`;
    return `Error from server: ${err.message}`;
  }
  if (err instanceof ConnectionError) {
    if (err.message.includes('connection refused')) {
      let host = err.url;
      try {
        host = new URL(err.url).host;
      } catch {
        // keep the URL as it is
      }
      return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    }
    return `Unable to connect to the server: ${err.message}`;
  }
  return undefined;
}

const messageForError = (err: Error, log?: Klog) => standardErrorMessage(err, log) ?? err.message;

/** kubectl's cmdutil.CheckErr: the text for stderr and the exit code. */
export function checkErr(err: Error, log?: Klog): { message: string; code: number } {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0]!;
  if (err instanceof ExitError) return { message: '', code: err.code };
  if (err instanceof FatalError) {
    log?.fatal(err.source, err.message);
    return { message: '', code: 1 };
  }
  if (err instanceof StatusError && err.status.reason === 'Invalid') return { message: invalidMessage(err.status), code: 1 };
  if (err instanceof PlainError) return { message: withNewline(err.message), code: 1 };
  if (err instanceof AggregateError) return { message: err.errors.map((e) => withNewline(messageForError(e, log))).join(''), code: 1 };
  let msg = standardErrorMessage(err, log);
  if (msg === undefined) {
    msg = err.message;
    if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return { message: withNewline(msg), code: 1 };
}

const withNewline = (s: string) => (s === '' || s.endsWith('\n') ? s : s + '\n');

function invalidMessage(s: Status): string {
  const details = s.details;
  let header = 'The request is invalid';
  if (!details) return withNewline(s.message ? `${header}: ${s.message}` : header);
  if (details.kind || details.name) header = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  const causes = details.causes ?? [];
  if (causes.length === 0) return withNewline(header);
  // statusCausesToAggrError: `field: message`, duplicates dropped.
  const lines = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (lines.length === 1) return `${header}: ${lines[0]}\n`;
  return `${header}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}
