// Request bodies: JSON or YAML, at most 3 MiB (the apiserver's limit), decoded into an object
// with errors worded as the apiserver's decoder words them.

import { parse as parseYaml } from 'yaml';
import { badRequest, entityTooLarge, unsupportedMediaType } from '../errors.ts';
import { isObject } from '../types.ts';

export const maxRequestBodyBytes = 3 * 1024 * 1024;

export async function readBody(request: Request): Promise<string> {
  const text = await request.text();
  if (text.length > maxRequestBodyBytes) throw entityTooLarge(maxRequestBodyBytes);
  return text;
}

/** Parse a JSON or YAML body into a JSON value. */
export function parseBody(text: string, contentType: string): unknown {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  const isYaml = mediaType === 'application/yaml' || mediaType === 'application/apply-patch+yaml';
  const isJson = mediaType === '' || mediaType.endsWith('json') || mediaType === '*/*';
  if (!isYaml && !isJson) throw unsupportedMediaType();
  if (isYaml) {
    try {
      return parseYaml(text, { prettyErrors: false });
    } catch (e) {
      throw badRequest(`error decoding YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${goJsonError(e as Error, text)}`);
  }
}

/** Word a JSON syntax error the way Go's encoding/json does, as far as it is knowable. */
function goJsonError(e: Error, text: string): string {
  if (text.trim() === '') return 'unexpected end of JSON input';
  const m = /position (\d+)/.exec(e.message);
  const ch = m ? text[Number(m[1])] : undefined;
  if (ch === undefined) return 'unexpected end of JSON input';
  return `invalid character '${ch}' looking for beginning of value`;
}

export function requireObject(v: unknown): Record<string, unknown> {
  if (!isObject(v)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(v)}'`);
  return v;
}
