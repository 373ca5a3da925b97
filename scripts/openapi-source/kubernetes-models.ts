// Reads Kubernetes' generated definitions back out of the `kubernetes-models` package, which is
// generated from the Kubernetes OpenAPI spec: its type declarations keep each property's
// description (JSDoc), requiredness, enum values and references, and its compiled validators keep
// the integer/number split and formats. The result uses the spec's own definition names
// (`io.k8s.api.apps.v1.DeploymentSpec`) and shapes (`allOf: [{$ref}]` beside a description).
// What the package drops (x-kubernetes-* list and patch metadata) is added by list-metadata.ts.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

type Schema = { [key: string]: unknown };

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));
const apimachineryRoot = dirname(require.resolve('@kubernetes-models/apimachinery/package.json', { paths: [modelsRoot] }));

/** The package's version, written into the generated sources' provenance. */
export const kubernetesModelsVersion: string = JSON.parse(readFileSync(join(modelsRoot, 'package.json'), 'utf8')).version;

const API_VERSION_TEXT =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_TEXT =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** The Go package of a group-version directory: `apps/v1` → `io.k8s.api.apps.v1`. */
function definitionPrefix(groupVersionDir: string): string {
  const parts = groupVersionDir.split('/');
  if (parts.length === 1) return `io.k8s.api.core.${parts[0]}`;
  const [group, version] = parts;
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}`;
  return `io.k8s.api.${group.split('.')[0]}.${version}`;
}

/** The definition name of a declaration file, from where it sits in either package. */
function definitionName(file: string): string {
  const name = file.replace(/\.d\.ts$/, '').replace(/\.js$/, '');
  if (name.startsWith(apimachineryRoot)) return `io.k8s.apimachinery.pkg.${relative(apimachineryRoot, name).split('/').join('.')}`;
  const rel = relative(modelsRoot, name).split('/');
  const kind = rel.pop() as string;
  return `${definitionPrefix(rel.join('/'))}.${kind}`;
}

function declarationFile(from: string, specifier: string): string {
  const base = specifier.startsWith('.')
    ? resolve(dirname(from), specifier)
    : specifier.startsWith('@kubernetes-models/apimachinery/')
      ? join(apimachineryRoot, specifier.slice('@kubernetes-models/apimachinery/'.length))
      : join(modelsRoot, specifier.replace(/^kubernetes-models\//, ''));
  return base.replace(/\.js$/, '') + '.d.ts';
}

/** The JSDoc text before a node, unescaped the way the package's generator escaped it. */
function docText(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  const last = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!last) return undefined;
  const raw = source.text.slice(last.pos + 3, last.end - 2);
  const lines = raw.split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  const text = lines.join('\n').trim();
  return text ? text.replace(/\\([*/\\"])/g, '$1') : undefined;
}

const propertyName = (name: ts.PropertyName): string => (ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText());

/** The integer/number split and format the compiled validator checks for one property. */
class ValidatorSource {
  private readonly text: string;
  constructor(file: string) {
    this.text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  private body(fn: string): string {
    const start = this.text.search(new RegExp(`function ${fn}\\(`));
    if (start < 0) return '';
    const next = this.text.slice(start + 10).search(/function validate\d+\(/);
    return next < 0 ? this.text.slice(start) : this.text.slice(start, start + 10 + next);
  }

  private facts(body: string, depth: number, out: { types: Set<string>; formats: Set<string> }) {
    for (const m of body.matchAll(/params:\{type:"(\w+)"\}/g)) out.types.add(m[1]);
    for (const m of body.matchAll(/params:\{format:"([\w-]+)"\}/g)) out.formats.add(m[1]);
    if (depth > 0) {
      const self = body.match(/^function (validate\d+)/)?.[1];
      for (const m of new Set([...body.matchAll(/(validate\d+)\(/g)].map((x) => x[1]))) if (m !== self) this.facts(this.body(m), depth - 1, out);
    }
  }

  /** Scalar facts for `property`: e.g. {type: 'integer', format: 'int32'}. */
  scalar(property: string): { integer: boolean; format?: string } {
    const escaped = property.replace(/[$.*+?^(){}|[\]\\-]/g, '\\$&');
    const access = `data(?:\\.${escaped}|\\["${escaped}"\\])`;
    const call = this.text.match(new RegExp(`(validate\\d+)\\(${access},`));
    const out = { types: new Set<string>(), formats: new Set<string>() };
    if (call) this.facts(this.body(call[1]), 2, out);
    const format = [...out.formats].find((f) => f !== 'date-time');
    return { integer: out.types.has('integer'), format };
  }
}

interface Extracted {
  schemas: Record<string, Schema>;
}

/**
 * Definitions for every declaration file under the given group-version directories of
 * kubernetes-models (`v1`, `apps/v1`, ...), plus everything they reference.
 */
export function extractDefinitions(groupVersionDirs: string[]): Extracted {
  const schemas: Record<string, Schema> = {};
  const pending: string[] = [];
  const seen = new Set<string>();
  const enqueue = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      pending.push(file);
    }
  };
  for (const dir of groupVersionDirs) {
    const index = readFileSync(join(modelsRoot, dir, 'index.d.ts'), 'utf8');
    for (const m of index.matchAll(/from "\.\/([^"]+?)(?:\.js)?"/g)) enqueue(join(modelsRoot, dir, `${m[1]}.d.ts`));
  }
  while (pending.length) {
    const file = pending.shift() as string;
    const schema = definitionFromFile(file, enqueue);
    if (schema) schemas[definitionName(file)] = schema;
  }
  return { schemas };
}

function definitionFromFile(file: string, enqueue: (file: string) => void): Schema | undefined {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string>();
  let exportedAlias: string | undefined;
  let declaration: ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const spec = statement.moduleSpecifier.text;
      if (spec === '@kubernetes-models/base') continue;
      for (const el of (statement.importClause?.namedBindings as ts.NamedImports | undefined)?.elements ?? []) imports.set(el.name.text, declarationFile(file, spec));
    } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && !declaration && /^I[A-Z]/.test(statement.name.text)) {
      declaration = statement;
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const alias = statement.exportClause.elements.find((e) => e.name.text.startsWith('IoK8s'));
      if (alias) exportedAlias = alias.name.text;
    }
  }
  if (!declaration) return undefined;
  const localName = declaration.name.text;
  const selfName = definitionName(file);
  const validator = new ValidatorSource(join(dirname(file).startsWith(apimachineryRoot) ? apimachineryRoot : modelsRoot, '_schemas', `${exportedAlias ?? ''}.mjs`));
  const description = docText(declaration, source);

  const refTo = (typeName: string): Schema | undefined => {
    if (typeName === localName) return { $ref: `#/components/schemas/${selfName}` };
    const target = imports.get(typeName);
    if (!target) return undefined;
    enqueue(target);
    return { $ref: `#/components/schemas/${definitionName(target)}` };
  };

  const typeSchema = (node: ts.TypeNode, property: string): Schema => {
    if (node.kind === ts.SyntaxKind.StringKeyword) {
      const { format } = validator.scalar(property);
      return format ? { format, type: 'string' } : { type: 'string' };
    }
    if (node.kind === ts.SyntaxKind.NumberKeyword) {
      const { integer, format } = validator.scalar(property);
      return { ...(format ? { format } : {}), type: integer ? 'integer' : 'number' };
    }
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { enum: [node.literal.text], type: 'string' };
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
      return { enum: node.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text), type: 'string' };
    }
    if (ts.isArrayTypeNode(node)) return { items: typeSchema(node.elementType, property), type: 'array' };
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      if (node.typeName.text === 'Array' && node.typeArguments?.length === 1) return { items: typeSchema(node.typeArguments[0], property), type: 'array' };
      const ref = refTo(node.typeName.text);
      if (ref) return ref;
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index?.type) return { additionalProperties: typeSchema(index.type, property), type: 'object' };
    }
    if (ts.isParenthesizedTypeNode(node)) return typeSchema(node.type, property);
    // `any`, `unknown`, `object`: free-form content.
    return {};
  };

  if (ts.isTypeAliasDeclaration(declaration)) return aliasSchema(declaration, description);

  const isKind = declaration.heritageClauses?.some((h) => h.types.some((t) => t.expression.getText() === 'TypeMeta')) ?? false;
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  let gvk: Schema | undefined;
  const literal = (m: ts.PropertySignature) => (m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined);
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = propertyName(member.name);
    if (isKind && (name === 'apiVersion' || name === 'kind')) {
      properties[name] = { description: name === 'kind' ? KIND_TEXT : API_VERSION_TEXT, type: 'string' };
      continue;
    }
    const text = docText(member, source);
    const schema = typeSchema(member.type, name);
    // A described reference is wrapped, as kube-openapi writes it, so the description stays the field's.
    properties[name] = text ? (schema.$ref ? { allOf: [schema], description: text } : { description: text, ...schema }) : schema;
    if (!member.questionToken) required.push(name);
  }
  if (isKind) {
    const apiVersion = declaration.members.filter(ts.isPropertySignature).find((m) => propertyName(m.name) === 'apiVersion');
    const kind = declaration.members.filter(ts.isPropertySignature).find((m) => propertyName(m.name) === 'kind');
    const [group, version] = (apiVersion && literal(apiVersion))?.includes('/') ? (literal(apiVersion) as string).split('/') : ['', apiVersion && literal(apiVersion)];
    if (kind && literal(kind) && version) gvk = { group, kind: literal(kind), version };
  }
  const schema: Schema = { ...(description ? { description } : {}), properties, type: 'object' };
  if (required.length) schema.required = required;
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  return schema;
}

/** Named non-object definitions, in the shapes the v3 spec gives them. */
function aliasSchema(declaration: ts.TypeAliasDeclaration, description: string | undefined): Schema {
  const name = declaration.name.text;
  const described = description ? { description } : {};
  if (name === 'IQuantity') return { ...described, oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (name === 'IIntOrString') return { ...described, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
  if (name === 'IMicroTime' || name === 'ITime') return { ...described, format: 'date-time', type: 'string' };
  const t = declaration.type;
  if (t.kind === ts.SyntaxKind.StringKeyword) return { ...described, type: 'string' };
  // JSON, JSONSchemaPropsOrArray/OrBool/OrStringArray: any JSON value, described only.
  return described;
}
