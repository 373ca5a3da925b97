// The printers kubectl's PrintFlags build for whole objects (get -o, patch -o): JSON, YAML and
// a JSONPath template of one document, an object or a List; managedFields hidden unless
// --show-managed-fields.

import { KubectlError } from '../rest/errors.ts';
import { printJSON } from './json.ts';
import { executeJSONPath, parseJSONPathTemplate } from './jsonpath.ts';
import { toYAML } from './yaml.ts';

/** The object without metadata.managedFields (the printers' default). */
export function hideManagedFields<T extends { metadata?: unknown }>(obj: T): T {
  const metadata = obj.metadata;
  if (typeof metadata !== 'object' || metadata === null || !('managedFields' in metadata)) return obj;
  const { managedFields: _hidden, ...rest } = metadata as Record<string, unknown>;
  return { ...obj, metadata: rest };
}

/** `-o json`, `-o yaml` or `-o jsonpath=TEMPLATE` of the document. */
export function printDocument(output: string, document: unknown, allowMissingTemplateKeys: boolean): string {
  const format = output.includes('=') ? output.slice(0, output.indexOf('=')) : output;
  if (format === 'json') return printJSON(document);
  if (format === 'yaml') return toYAML(document);
  if (format === 'jsonpath') return executeJSONPath(parseJSONPathTemplate(output.slice(output.indexOf('=') + 1)), document, allowMissingTemplateKeys);
  throw new KubectlError(`output format ${JSON.stringify(format)} is not supported by this kubectl`);
}
