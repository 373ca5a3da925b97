// client-go's REST client reduced to what kubectl needs: requests against the server URL,
// errors decoded from Status bodies, and the -v=N round-trip log.

import { Klog } from '../klog.ts';
import { logBody, type Caller } from './body_log.ts';
import { genericServerResponse, StatusError, type GroupResource, type Status } from './errors.ts';
import { DebuggingRoundTripper, type Fetch, type RawResponse } from './transport.ts';

/** Accept headers kubectl sends, by purpose (FACTS §6, kubectl-requests.json). */
export const accept = {
  aggregatedDiscovery:
    'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json',
  table: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
  json: 'application/json',
  protobufPreferred: 'application/vnd.kubernetes.protobuf,application/json',
  metricsClient: 'application/vnd.kubernetes.protobuf, */*',
  raw: 'application/json, */*',
} as const;

export const userAgent = 'kubectl/v1.32.5 (linux/amd64) kubernetes/9894294';

export interface RequestOptions {
  method?: string;
  /** Path and query, starting with `/`. */
  path: string;
  accept: string;
  contentType?: string;
  body?: string;
  /** For error messages: the resource and name the request is about. */
  resource?: GroupResource;
  name?: string;
  /** The kubectl or client-go line that makes this request, as the -v=8 body lines name it. */
  caller: Caller;
  /** Sent through the HTTP cache kubectl keeps for discovery and OpenAPI (it marks what it varies on). */
  httpCache?: boolean;
  /**
   * Read as a stream (client-go's Request.Stream): the -v=8 log shows the response body only
   * when the answer is an error, from this line.
   */
  streamErrorCaller?: Caller;
}

export class RESTClient {
  readonly server: string;
  readonly log: Klog;
  private readonly transport: DebuggingRoundTripper;
  private readonly fetch: Fetch;
  private readonly now: () => Date;

  constructor(fetch: Fetch, server: string, log: Klog, now: () => Date) {
    this.server = server.replace(/\/+$/, '');
    this.log = log;
    this.fetch = fetch;
    this.now = now;
    this.transport = new DebuggingRoundTripper(fetch, log, now, userAgent);
  }

  /**
   * The same server without the round-trip log: for what kubectl knows without asking (the
   * patch metadata compiled into its Go types), read here from the server's OpenAPI instead.
   */
  unlogged(): RESTClient {
    return new RESTClient(this.fetch, this.server, new Klog(0, { now: this.now, pid: 0 }, () => {}), this.now);
  }

  /** One round trip; non-2xx answers become StatusErrors as client-go's transformResponse makes them. */
  async do(opts: RequestOptions): Promise<RawResponse> {
    const method = opts.method ?? 'GET';
    const headers: Record<string, string> = { Accept: opts.accept };
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    logBody(this.log, opts.caller, 'Request Body', opts.body ?? '');
    const response = await this.transport.roundTrip(method, this.server + opts.path, headers, opts.body, opts.httpCache === true);
    const ok = response.status >= 200 && response.status < 300;
    if (opts.streamErrorCaller === undefined) logBody(this.log, opts.caller, 'Response Body', response.body);
    else if (!ok) logBody(this.log, opts.streamErrorCaller, 'Response Body', response.body);
    if (ok) return response;
    throw new StatusError(errorStatus(response, method, opts.resource, opts.name ?? ''));
  }

  async getJSON<T = unknown>(opts: RequestOptions): Promise<T> {
    const response = await this.do(opts);
    return JSON.parse(response.body) as T;
  }
}

function errorStatus(response: RawResponse, method: string, resource: GroupResource | undefined, name: string): Status {
  if (response.contentType.includes('json')) {
    try {
      const decoded = JSON.parse(response.body) as Status;
      if (decoded && decoded.kind === 'Status') return decoded;
    } catch {
      // not JSON after all: treated as an unstructured body below
    }
  }
  // client-go's isTextResponse: a response without a Content-Type counts as text.
  const isText = response.contentType === '' || response.contentType.startsWith('text/');
  const message = isText ? response.body.slice(0, 1024).trim() : 'unknown';
  return genericServerResponse(response.status, method, resource, name, message);
}
