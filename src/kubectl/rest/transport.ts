// client-go's debugging round tripper: what kubectl prints for each HTTP round trip at -v=6
// (one line), -v=7 (request line and headers) and -v=8 (response headers too).

import type { Klog } from '../klog.ts';

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

export class ConnectionError extends Error {
  readonly url: string;
  constructor(url: string, cause: string) {
    super(cause);
    this.url = url;
  }
}

export class DebuggingRoundTripper {
  private readonly fetch: Fetch;
  private readonly log: Klog;
  private readonly now: () => Date;
  readonly userAgent: string;

  constructor(fetch: Fetch, log: Klog, now: () => Date, userAgent: string) {
    this.fetch = fetch;
    this.log = log;
    this.now = now;
    this.userAgent = userAgent;
  }

  async roundTrip(method: string, url: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
    const sent = { ...headers, 'User-Agent': this.userAgent };
    if (this.log.enabled(7)) {
      this.log.info(7, 'round_trippers.go:470', `${method} ${url}`);
      this.log.info(7, 'round_trippers.go:476', 'Request Headers:');
      for (const [k, v] of Object.entries(sent)) this.log.info(7, 'round_trippers.go:480', `    ${k}: ${v}`);
    }
    const start = this.now().getTime();
    let response: Response;
    try {
      response = await this.fetch(new Request(url, { method, headers: sent, body }));
    } catch (e) {
      const ms = this.now().getTime() - start;
      this.log.info(6, 'round_trippers.go:560', `${method} ${url}  in ${ms} milliseconds`);
      throw new ConnectionError(url, e instanceof Error ? e.message : String(e));
    }
    const text = await response.text();
    const ms = Math.max(0, this.now().getTime() - start);
    if (this.log.enabled(7)) {
      this.log.info(7, 'round_trippers.go:581', `Response Status: ${httpStatus(response.status)} in ${ms} milliseconds`);
      if (this.log.enabled(8)) {
        this.log.info(8, 'round_trippers.go:584', 'Response Headers:');
        response.headers.forEach((v, k) => this.log.info(8, 'round_trippers.go:587', `    ${canonicalKey(k)}: ${v}`));
      }
    } else {
      this.log.info(6, 'round_trippers.go:560', `${method} ${url} ${httpStatus(response.status)} in ${ms} milliseconds`);
    }
    return { status: response.status, headers: response.headers, body: text, contentType: response.headers.get('content-type') ?? '' };
  }
}
