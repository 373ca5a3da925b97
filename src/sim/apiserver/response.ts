// Responses as the apiserver writes them: JSON bodies end with a newline, errors are Status
// objects whose HTTP code is the Status code.

import type { ApiError, Status } from '../errors.ts';

const jsonHeaders = { 'Content-Type': 'application/json' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body) + '\n', { status, headers: { ...jsonHeaders, ...headers } });
}

/** A body that is already serialized JSON (cached discovery documents, for instance). */
export function rawJsonResponse(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...jsonHeaders, ...headers } });
}

export function statusResponse(s: Status): Response {
  return jsonResponse(s, s.code);
}

export function errorResponse(e: ApiError): Response {
  return statusResponse(e.status);
}

/** Go's http.Error: plain text, nosniff, the message and a newline. */
export function plainTextError(message: string, status: number): Response {
  return new Response(message + '\n', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** The final not-found handler's answer for a path no handler claims. */
export const pageNotFound = () => plainTextError('404 page not found', 404);
