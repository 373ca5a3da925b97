// kubectl config view: the kubeconfig in use, as clientcmd loads it (lists sorted by name,
// relative file paths made absolute) and as kubectl prints it: secrets shortened to
// DATA+OMITTED / REDACTED unless --raw, --minify keeping only the current context's entries.

import { parse } from 'yaml';
import { bool, str, stringFlag, boolFlag } from '../flags.ts';
import { goJSONString } from '../printers/json.ts';
import { executeJSONPath, parseJSONPathTemplate } from '../printers/jsonpath.ts';
import { toYAML } from '../printers/yaml.ts';
import { KubectlError } from '../rest/errors.ts';
import { helpText } from '../help/index.ts';
import { ExitError } from '../rest/errors.ts';
import { UsageError, type Command } from './command.ts';

type Obj = Record<string, unknown>;

/** Field order of clientcmd's v1 types, which -o json keeps. */
const order = {
  config: ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context', 'extensions'],
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  user: [
    'client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups',
    'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions',
  ],
  context: ['cluster', 'user', 'namespace', 'extensions'],
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps the known, non-empty fields in struct order (Go's omitempty). */
function pick(value: unknown, fields: string[]): Obj {
  const out: Obj = {};
  if (!isObj(value)) return out;
  for (const f of fields) {
    const v = value[f];
    if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[f] = v;
  }
  return out;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

/** clientcmd resolves file references relative to the kubeconfig's directory. */
function absolute(path: string, base: string): string {
  if (path === '' || path.startsWith('/')) return path;
  const parts = `${base}/${path}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

interface Named {
  name: string;
  body: Obj;
}

function namedList(value: unknown, key: string, fields: string[]): Named[] {
  const byName = new Map<string, Obj>();
  if (Array.isArray(value))
    for (const item of value) {
      if (!isObj(item)) continue;
      byName.set(String(item.name ?? ''), pick(item[key], fields));
    }
  return [...byName.entries()].map(([name, body]) => ({ name, body })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function marshalOrdered(value: unknown, prefix = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJSONString(value);
  if (typeof value !== 'object') return String(value);
  const inner = prefix + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + marshalOrdered(v, inner)).join(',\n')}\n${prefix}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${goJSONString(k)}: ${marshalOrdered((value as Obj)[k], inner)}`).join(',\n')}\n${prefix}}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObj(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

const configView: Command = {
  name: 'view',
  flags: [
    boolFlag('allow-missing-template-keys', undefined, true),
    boolFlag('flatten'),
    boolFlag('merge', undefined, true),
    boolFlag('minify'),
    stringFlag('output', 'o', 'yaml'),
    boolFlag('raw'),
    boolFlag('show-managed-fields'),
    stringFlag('template'),
  ],
  async run(ctx) {
    if (ctx.args.length > 0) throw new UsageError('config view', `unexpected arguments: [${ctx.args.join(' ')}]`);
    const path = ctx.kubeconfigPath;
    const text = path ? ctx.files.readFile(path) : undefined;
    const raw = (text ? parse(text) : {}) as unknown;
    const file: Obj = isObj(raw) ? raw : {};
    const base = dirOf(path);
    let clusters = namedList(file.clusters, 'cluster', order.cluster);
    let users = namedList(file.users, 'user', order.user);
    let contexts = namedList(file.contexts, 'context', order.context);
    for (const c of clusters) if (typeof c.body['certificate-authority'] === 'string') c.body['certificate-authority'] = absolute(c.body['certificate-authority'], base);
    for (const u of users)
      for (const f of ['client-certificate', 'client-key', 'tokenFile'])
        if (typeof u.body[f] === 'string') u.body[f] = absolute(u.body[f], base);
    let current = str(ctx.flags, 'context') || String(file['current-context'] ?? '');
    if (bool(ctx.flags, 'minify')) {
      if (current === '') throw new KubectlError('current-context must exist in order to minify');
      const context = contexts.find((c) => c.name === current);
      if (!context) throw new KubectlError(`cannot locate context ${current}`);
      contexts = [context];
      clusters = clusters.filter((c) => c.name === context.body.cluster);
      users = users.filter((u) => u.name === context.body.user);
    } else if (!str(ctx.flags, 'context')) {
      current = String(file['current-context'] ?? '');
    }
    if (!bool(ctx.flags, 'raw')) {
      for (const u of users) {
        if (u.body['client-key-data']) u.body['client-key-data'] = 'DATA+OMITTED';
        if (u.body['client-certificate-data']) u.body['client-certificate-data'] = 'DATA+OMITTED';
        if (u.body.token) u.body.token = 'REDACTED';
        if (u.body.password) u.body.password = 'REDACTED';
      }
      for (const c of clusters) if (c.body['certificate-authority-data']) c.body['certificate-authority-data'] = 'DATA+OMITTED';
    }
    const list = (items: Named[], key: string, nameFirst: boolean) =>
      items.length === 0 ? null : items.map((i) => (nameFirst ? { name: i.name, [key]: i.body } : { [key]: i.body, name: i.name }));
    const config: Obj = {
      kind: 'Config',
      apiVersion: 'v1',
      preferences: {},
      clusters: list(clusters, 'cluster', true),
      users: list(users, 'user', true),
      contexts: list(contexts, 'context', true),
      'current-context': current,
    };
    const output = str(ctx.flags, 'output');
    if (output === 'yaml') ctx.out(toYAML(sortKeys(config)));
    else if (output === 'json') ctx.out(marshalOrdered(config) + '\n');
    else if (output.startsWith('jsonpath=')) ctx.out(executeJSONPath(parseJSONPathTemplate(output.slice('jsonpath='.length)), config));
    else
      throw new KubectlError(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
      );
  },
};

export const configCommand: Command = {
  name: 'config',
  flags: [stringFlag('kubeconfig')],
  subcommands: [configView],
  async run(ctx) {
    if (ctx.args.length > 0) throw new UsageError('config', `unknown command ${JSON.stringify(ctx.args[0])}`);
    ctx.err((await helpText('config')) ?? '');
    throw new ExitError(1);
  },
};
