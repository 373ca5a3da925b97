// kubectl get: server-side Tables for people, JSON for -o json|yaml|name|jsonpath, --raw.

import { boolFlag, intFlag, list, sliceFlag, str, bool, stringFlag, type FlagSpec } from '../flags.ts';
import { TabWriter, kubectlTableOptions } from '../printers/tabwriter.ts';
import { TablePrinter, type Table } from '../printers/table.ts';
import { printName } from '../printers/name.ts';
import { hideManagedFields, printDocument } from '../printers/object.ts';
import { columnsFromSpec, columnsFromTemplate, printCustomColumns } from '../printers/custom_columns.ts';
import { sortObjects, sortTableRows } from '../printers/sort_by.ts';
import { accept } from '../rest/client.ts';
import { encodeQuery, resourcePath } from '../rest/paths.ts';
import { AggregateError, flattenErrors, isNotFound, KubectlError, PlainError, reduceErrors } from '../rest/errors.ts';
import { kindPrefix, type RESTMapping } from '../restmapper.ts';
import { UsageError, type Command, type CommandContext } from './command.ts';
import { caller } from '../rest/body_log.ts';
import { resolveResourceArgs, type ResourceRequest } from '../resource/args.ts';
import { filenamesOf, noNamespaceError, objectsFromFiles } from '../resource/from_files.ts';

const flags: FlagSpec[] = [
  boolFlag('all-namespaces', 'A'),
  boolFlag('allow-missing-template-keys', undefined, true),
  intFlag('chunk-size', undefined, 500),
  stringFlag('field-selector'),
  sliceFlag('filename', 'f'),
  boolFlag('ignore-not-found'),
  stringFlag('kustomize', 'k'),
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice', default: [] },
  boolFlag('no-headers'),
  stringFlag('output', 'o'),
  boolFlag('output-watch-events'),
  stringFlag('raw'),
  boolFlag('recursive', 'R'),
  stringFlag('selector', 'l'),
  boolFlag('server-print', undefined, true),
  boolFlag('show-kind'),
  boolFlag('show-labels'),
  boolFlag('show-managed-fields'),
  stringFlag('sort-by'),
  stringFlag('subresource'),
  stringFlag('template'),
  boolFlag('watch', 'w'),
  boolFlag('watch-only'),
];

export const allowedFormats =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

type ResourceInfo = ResourceRequest;

interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown> & { name?: string; managedFields?: unknown };
  items?: KubeObject[];
}

/**
 * The query of a request: a list's selectors and chunk size; `includeObject` for the Table
 * request of --sort-by, which asks for whole objects in the rows to sort by any field.
 */
function query(ctx: CommandContext, info: ResourceInfo, includeObject: boolean): string {
  const include = includeObject ? 'Object' : undefined;
  if (info.name !== undefined) return encodeQuery({ includeObject: include });
  return encodeQuery({
    labelSelector: str(ctx.flags, 'selector') || undefined,
    fieldSelector: str(ctx.flags, 'field-selector') || undefined,
    // Sorting needs every item at once, so --sort-by turns chunking off.
    limit: str(ctx.flags, 'sort-by') !== '' ? undefined : String(ctx.flags.values.get('chunk-size') ?? 500),
    includeObject: include,
  });
}

function requestPath(ctx: CommandContext, info: ResourceInfo, includeObject = false): string {
  const allNamespaces = bool(ctx.flags, 'all-namespaces');
  const ns = allNamespaces ? undefined : ctx.namespace;
  return resourcePath(info.mapping.resource, ns, info.name) + query(ctx, info, includeObject);
}

const groupResourceOf = (m: RESTMapping) => ({ group: m.resource.group, resource: m.resource.name });

/** `kubectl get --raw PATH`: one GET, the body copied out as it came. */
async function getRaw(ctx: CommandContext, path: string): Promise<void> {
  const response = await ctx.client().do({ caller: caller.raw, streamErrorCaller: caller.rawStreamError, path, accept: accept.raw });
  ctx.out(response.body);
}

async function printHumanReadable(ctx: CommandContext, infos: ResourceInfo[]): Promise<Error[]> {
  const errors: Error[] = [];
  const tables: FetchedTable[] = [];
  for (const info of infos) {
    try {
      const sortBy = str(ctx.flags, 'sort-by');
      const table = await ctx.client().getJSON<Table>({
        path: requestPath(ctx, info, sortBy !== ''),
        accept: accept.table,
        resource: groupResourceOf(info.mapping),
        name: info.name,
        caller: info.name === undefined ? caller.resourceList : caller.resourceGet,
      });
      // Rows kubectl cannot sort are not printed at all.
      if (sortBy !== '' && table.rows && !sortTableRows(table.rows, sortBy)) table.rows = [];
      tables.push({ mapping: info.mapping, table });
    } catch (e) {
      if (isNotFound(e) && bool(ctx.flags, 'ignore-not-found')) continue;
      errors.push(e as Error);
    }
  }
  printTables(ctx, tables, errors.length > 0);
  return errors;
}

interface FetchedTable {
  mapping: RESTMapping;
  table: Table;
}

/** The tables one after another, a header for each run of one resource, as get's Run prints them. */
function printTables(ctx: CommandContext, tables: FetchedTable[], hadErrors: boolean): void {
  const output = str(ctx.flags, 'output');
  const mixedKinds = tables.some((t, i) => i > 0 && t.mapping.groupResource !== tables[i - 1]!.mapping.groupResource);
  const showKind = bool(ctx.flags, 'show-kind') || mixedKinds;
  let written = 0;
  let separatorReady = false;
  const w = new TabWriter((text) => {
    if (text === '') return;
    if (separatorReady) {
      ctx.out('\n');
      separatorReady = false;
    }
    written += text.length;
    ctx.out(text);
  }, kubectlTableOptions);
  let printer: TablePrinter | undefined;
  let lastMapping: RESTMapping | undefined;
  let allNamespaced = !bool(ctx.flags, 'all-namespaces');
  // kubectl's printer flags are shared between printers: once one printed namespaces, all do.
  let withNamespace = false;
  for (const { mapping, table } of tables) {
    const r = mapping.resource;
    allNamespaced = allNamespaced && r.namespaced;
    if (!printer || lastMapping?.groupResource !== mapping.groupResource) {
      w.flush();
      w.setRememberedWidths(null);
      if (lastMapping && !bool(ctx.flags, 'no-headers') && written > 0) separatorReady = true;
      withNamespace = withNamespace || (bool(ctx.flags, 'all-namespaces') && r.namespaced);
      printer = new TablePrinter({
        noHeaders: bool(ctx.flags, 'no-headers'),
        wide: output === 'wide',
        withNamespace,
        showLabels: bool(ctx.flags, 'show-labels'),
        kindPrefix: showKind ? kindPrefix(r.kind, r.group) : undefined,
        columnLabels: list(ctx.flags, 'label-columns'),
      });
      lastMapping = mapping;
    }
    w.write(printer.print(table));
  }
  w.flush();
  if (written === 0 && !hadErrors && !bool(ctx.flags, 'ignore-not-found')) {
    if (allNamespaced) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    else ctx.err('No resources found\n');
  }
}

/** Items of a list carry their kind as the builder's Flatten gives them. */
function flatten(list: KubeObject): KubeObject[] {
  const itemKind = (list.kind ?? '').replace(/List$/, '');
  return (list.items ?? []).map((item) => ({ ...item, apiVersion: item.apiVersion ?? list.apiVersion, kind: item.kind ?? itemKind }));
}

async function printGeneric(ctx: CommandContext, infos: ResourceInfo[], singleItemImplied: boolean): Promise<Error[]> {
  const errors: Error[] = [];
  const objects: KubeObject[] = [];
  for (const info of infos) {
    try {
      const obj = await ctx.client().getJSON<KubeObject>({
        path: requestPath(ctx, info),
        accept: accept.json,
        resource: groupResourceOf(info.mapping),
        name: info.name,
        caller: info.name === undefined ? caller.resourceList : caller.resourceGet,
      });
      if (info.name === undefined) objects.push(...flatten(obj));
      else objects.push(obj);
    } catch (e) {
      if (singleItemImplied) throw e;
      if (isNotFound(e) && bool(ctx.flags, 'ignore-not-found')) continue;
      errors.push(e as Error);
    }
  }
  printObjects(ctx, objects, singleItemImplied);
  return errors;
}

/** The objects in the -o format: one object alone when a single item was implied, else a List. */
function printObjects(ctx: CommandContext, objects: KubeObject[], singleItemImplied: boolean): void {
  const shown = bool(ctx.flags, 'show-managed-fields') ? objects : objects.map(hideManagedFields);
  const output = str(ctx.flags, 'output');
  const single = singleItemImplied && shown.length === 1;
  if (!single && str(ctx.flags, 'sort-by') !== '') sortObjects(shown, str(ctx.flags, 'sort-by'));
  const document: unknown = single ? shown[0] : { apiVersion: 'v1', items: shown, kind: 'List', metadata: { resourceVersion: '' } };
  if (output === 'name') for (const o of shown) ctx.out(printName(o));
  else if (isCustomColumns(output)) {
    const columns = output.startsWith('custom-columns-file') ? columnsFromTemplate(readTemplate(ctx, formatArgument(output))) : columnsFromSpec(formatArgument(output));
    printCustomColumns(columns, shown, bool(ctx.flags, 'no-headers'), (text) => ctx.out(text));
  } else ctx.out(printDocument(output, document, bool(ctx.flags, 'allow-missing-template-keys')));
}

/**
 * `get -f FILE...`: each object of the files read again from the server (the builder's
 * Latest), as a Table for people or as JSON for -o. A single path (not stdin) implies a single
 * item, so one object prints alone and its errors stop the printing.
 */
async function getFromFiles(ctx: CommandContext, humanReadable: boolean): Promise<void> {
  const ignoreNotFound = bool(ctx.flags, 'ignore-not-found');
  const { found: fetched, error } = await objectsFromFiles(ctx, {
    ignoreNotFound,
    latest: async (info) => {
      if (info.mapping.resource.namespaced && info.namespace === '') throw noNamespaceError(info);
      const r = info.mapping.resource;
      return ctx.client().getJSON<unknown>({
        path: resourcePath(r, r.namespaced ? info.namespace : undefined, info.name),
        accept: humanReadable ? accept.table : accept.json,
        resource: groupResourceOf(info.mapping),
        name: info.name,
        caller: caller.resourceGet,
      });
    },
  });
  if (humanReadable) {
    printTables(ctx, fetched.map(({ info, object }) => ({ mapping: info.mapping, table: object as Table })), error !== undefined);
    if (error) throw new AggregateError([error]);
    return;
  }
  const filenames = filenamesOf(ctx);
  const singleItemImplied = filenames.length === 1 && filenames[0] !== '-';
  if (error && singleItemImplied) throw error;
  const remaining = reduceErrors(flattenErrors(error ? [error] : []));
  if (fetched.length === 0 && ignoreNotFound) {
    if (remaining) throw remaining;
    return;
  }
  printObjects(ctx, fetched.map((f) => f.object as KubeObject), singleItemImplied);
  if (remaining) throw remaining;
}

const genericFormats = ['json', 'yaml', 'name'];

const isCustomColumns = (output: string) => /^custom-columns(-file)?(=|$)/.test(output);
const formatArgument = (output: string) => (output.includes('=') ? output.slice(output.indexOf('=') + 1) : '');

function readTemplate(ctx: CommandContext, name: string): string {
  const text = ctx.files.readFile(name);
  if (text === undefined) throw new KubectlError(`error reading template ${name}, open ${name}: no such file or directory`);
  return text;
}

export const getCommand: Command = {
  name: 'get',
  flags,
  async run(ctx) {
    const raw = str(ctx.flags, 'raw');
    if (raw !== '') {
      if (ctx.args.length > 0) throw new KubectlError('arguments may not be passed when --raw is specified');
      await getRaw(ctx, raw);
      return;
    }
    const output = str(ctx.flags, 'output');
    const isJSONPath = /^jsonpath=/.test(output);
    if (output !== '' && output !== 'wide' && !genericFormats.includes(output) && !isJSONPath && !isCustomColumns(output)) {
      throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowedFormats}`);
    }
    if (filenamesOf(ctx).length > 0) {
      await getFromFiles(ctx, output === '' || output === 'wide');
      return;
    }
    if (ctx.args.length === 0) {
      ctx.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new PlainError(
        new UsageError(
          'get',
          'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        ).message,
      );
    }
    const { requests: infos, singleItemImplied } = await resolveResourceArgs(ctx, ctx.args);
    if (bool(ctx.flags, 'all-namespaces') && infos.some((i) => i.name !== undefined)) {
      throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    }
    const errors =
      output === '' || output === 'wide' ? await printHumanReadable(ctx, infos) : await printGeneric(ctx, infos, singleItemImplied);
    if (errors.length > 0) throw new AggregateError(errors);
  },
};
