// client-go's debugging round tripper: what kubectl prints for each HTTP round trip at -v=6
// (one line), -v=7 (request line and headers), -v=8 (response headers too) and -v=9 (a curl
// command, connection trace and timing statistics instead of the request headers).

import { goQuote, type Klog } from '../klog.ts';

export type Fetch = (req: Request) => Promise<Response>;

/** Go's http.StatusText for the codes an apiserver answers with. */
const statusText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const httpStatus = (code: number) => `${code} ${statusText[code] ?? ''}`.trimEnd();

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
  contentType: string;
}

/** Go canonical header key: `content-type` → `Content-Type`. */
const canonicalKey = (key: string) => key.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

/** Response headers Go's HTTP client keeps out of Response.Header. */
const hopByHopResponseHeaders = new Set(['transfer-encoding']);

export class ConnectionError extends Error {
  readonly url: string;
  constructor(url: string, cause: string) {
    super(cause);
    this.url = url;
  }
}

const knownAuthTypes = new Set(['bearer', 'basic', 'negotiate']);

/** client-go's maskValue: credentials in an Authorization header are never logged. */
export function maskValue(key: string, value: string): string {
  if (key.toLowerCase() !== 'authorization') return value;
  if (value === '') return '';
  const space = value.indexOf(' ');
  const authType = space > 0 ? value.slice(0, space) : value;
  if (!knownAuthTypes.has(authType.toLowerCase())) return '<masked>';
  return value.length > authType.length + 1 ? `${authType} <masked>` : authType;
}

/** Go's %q of one `Key: value` header for the curl line. */
const curlHeader = (key: string, value: string) => ` -H ${goQuote(utf8.encode(`${key}: ${maskValue(key, value)}`))}`;

const utf8 = new TextEncoder();

/** host:port as Go's dialer names it (the scheme's port when the URL has none). */
function dialAddress(url: URL): string {
  if (url.port) return url.host;
  return `${url.host}:${url.protocol === 'https:' ? 443 : 80}`;
}

/**
 * The HTTP cache under kubectl's discovery client (gregjones/httpcache, inside the debugging
 * round tripper) records the request's value of each header a storable response varies on as
 * `X-Varied-<Header>`, so the log shows it among the response headers.
 */
function withVariedHeaders(response: Response, sent: Record<string, string>): Response {
  const vary = response.headers.get('vary');
  if (!vary || /no-store/.test(response.headers.get('cache-control') ?? '')) return response;
  const headers = new Headers(response.headers);
  for (const key of vary.split(',').map((k) => canonicalKey(k.trim().toLowerCase()))) {
    const value = Object.entries(sent).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    if (value) headers.set(`X-Varied-${key}`, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export class DebuggingRoundTripper {
  private readonly fetch: Fetch;
  private readonly log: Klog;
  private readonly now: () => Date;
  readonly userAgent: string;
  /** Hosts this transport holds a kept-alive connection to (for -v=9's connection trace). */
  private readonly connected = new Set<string>();

  constructor(fetch: Fetch, log: Klog, now: () => Date, userAgent: string) {
    this.fetch = fetch;
    this.log = log;
    this.now = now;
    this.userAgent = userAgent;
  }

  async roundTrip(method: string, url: string, headers: Record<string, string>, body: string | undefined, httpCache: boolean): Promise<RawResponse> {
    const sent = { ...headers, 'User-Agent': this.userAgent };
    const log = this.log;
    // client-go picks one set of debug levels by verbosity; -v=9 trades the request headers for a curl line.
    const detailed = log.enabled(9);
    const headersAndStatus = log.enabled(7) && !detailed;
    if (headersAndStatus) log.info(7, 'round_trippers.go:470', `${method} ${url}`);
    if (detailed) {
      const flags = Object.entries(sent)
        .map(([k, v]) => curlHeader(k, v))
        .join('');
      log.info(9, 'round_trippers.go:473', `curl -v -X${method} ${flags} '${url}'`);
    }
    if (headersAndStatus) {
      log.info(7, 'round_trippers.go:476', 'Request Headers:');
      for (const [k, v] of Object.entries(sent)) log.info(7, 'round_trippers.go:480', `    ${k}: ${maskValue(k, v)}`);
    }
    let address = '';
    let reused = false;
    if (detailed) {
      try {
        address = dialAddress(new URL(url));
      } catch {
        address = url;
      }
      reused = this.connected.has(address);
    }
    const start = this.now().getTime();
    let response: Response;
    try {
      response = await this.fetch(new Request(url, { method, headers: sent, body }));
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      const ms = Math.max(0, this.now().getTime() - start);
      if (detailed && !reused) log.info(9, 'round_trippers.go:515', `HTTP Trace: Dial to tcp:${address} failed: ${cause}`);
      if (detailed || !log.enabled(7)) log.info(6, 'round_trippers.go:560', `${method} ${url}  in ${ms} milliseconds`);
      if (detailed) log.info(9, 'round_trippers.go:577', `HTTP Statistics: ${reused ? 'GetConnection 0 ms' : 'DNSLookup 0 ms Dial 0 ms TLSHandshake 0 ms'} Duration ${ms} ms`);
      if (headersAndStatus) log.info(7, 'round_trippers.go:581', `Response Status:  in ${ms} milliseconds`);
      if (log.enabled(8)) log.info(8, 'round_trippers.go:584', 'Response Headers:');
      throw new ConnectionError(url, cause);
    }
    if (detailed && !reused) {
      this.connected.add(address);
      log.info(9, 'round_trippers.go:517', `HTTP Trace: Dial to tcp:${address} succeed`);
    }
    if (httpCache) response = withVariedHeaders(response, sent);
    const text = await response.text();
    const ms = Math.max(0, this.now().getTime() - start);
    const status = httpStatus(response.status);
    if (detailed || !log.enabled(7)) log.info(6, 'round_trippers.go:560', `${method} ${url} ${status} in ${ms} milliseconds`);
    if (detailed) {
      // The simulated connection costs nothing; the whole round trip is the server's.
      const connection = reused ? 'GetConnection 0 ms' : 'DNSLookup 0 ms Dial 0 ms TLSHandshake 0 ms';
      log.info(9, 'round_trippers.go:577', `HTTP Statistics: ${connection} ServerProcessing ${ms} ms Duration ${ms} ms`);
    }
    if (headersAndStatus) log.info(7, 'round_trippers.go:581', `Response Status: ${status} in ${ms} milliseconds`);
    if (log.enabled(8)) {
      log.info(8, 'round_trippers.go:584', 'Response Headers:');
      response.headers.forEach((v, k) => {
        if (!hopByHopResponseHeaders.has(k)) log.info(8, 'round_trippers.go:587', `    ${canonicalKey(k)}: ${v}`);
      });
    }
    return { status: response.status, headers: response.headers, body: text, contentType: response.headers.get('content-type') ?? '' };
  }
}
