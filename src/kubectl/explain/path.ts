// How kubectl explain reads `TYPE[.field.path]`: the argument is parsed as the JSONPath
// `{.TYPE.field.path}` with client-go's jsonpath parser (ported here for the node kinds and
// the error messages), the first field names the resource, and the remaining field nodes
// are the path (explain.SplitAndParseResourceRequest[WithMatchingPrefix]).

import type { APIResource } from '../discovery.ts';
import type { RESTMapper } from '../restmapper.ts';
import { KubectlError, PlainError } from '../rest/errors.ts';

type NodeType = 'text' | 'list' | 'field' | 'identifier' | 'int' | 'float' | 'bool' | 'recursive' | 'wildcard' | 'array' | 'filter' | 'union';

interface Node {
  type: NodeType;
  value?: string;
  nodes?: Node[];
}

const eof = -1;

const isTerminator = (r: number) => r === eof || ' \t\r\n.,[]$@{}'.includes(String.fromCodePoint(r));
const isEndOfLine = (r: number) => r === 0x0d || r === 0x0a;
const isDigit = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number) => r >= 0 && (r === 0x5f || /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));

/** Go's %#U: `U+007B '{'` (the character only when printable). */
function goRuneVerb(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  const c = String.fromCodePoint(r);
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]/u.test(c) ? `${hex} '${c}'` : hex;
}

class ParseError extends Error {}

/** client-go util/jsonpath Parser, for the syntax an explain argument can hold. */
class Parser {
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;
  root: Node = { type: 'list', nodes: [] };

  parse(text: string): void {
    this.input = text;
    this.root = { type: 'list', nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return eof;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: Node): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes!.push({ type: 'text', value: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === eof) break;
    }
    if (this.pos > this.start) cur.nodes!.push({ type: 'text', value: this.consumeText() });
  }

  private parseLeftDelim(cur: Node): void {
    this.pos += 1;
    this.consumeText();
    const node: Node = { type: 'list', nodes: [] };
    cur.nodes!.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: Node): void {
    // Go ranges over a map of prefixes; at most one of them can match a given input.
    const rest = this.rest();
    if (rest.startsWith('}')) return this.parseRightDelim();
    if (rest.startsWith('[?(')) return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);
    const r = this.next();
    if (r === eof || isEndOfLine(r)) throw new ParseError('unclosed action');
    if (r === 0x20 || r === 0x40 || r === 0x24) this.consumeText();
    else if (r === 0x5b) return this.parseArray(cur);
    else if (r === 0x22 || r === 0x27) return this.parseQuote(cur, r);
    else if (r === 0x2e) return this.parseField(cur);
    else if (r === 0x2b || r === 0x2d || isDigit(r)) {
      this.backup();
      return this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    } else throw new ParseError(`unrecognized character in action: ${goRuneVerb(r)}`);
    return this.parseInsideAction(cur);
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: Node): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    cur.nodes!.push({ type: value === 'true' || value === 'false' ? 'bool' : 'identifier', value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: Node): void {
    const last = cur.nodes!.at(-1);
    if (last?.type === 'recursive') throw new ParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes!.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: Node): void {
    let r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes!.push({ type: 'int', value });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes!.push({ type: 'float', value });
    else throw new ParseError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: Node): void {
    loop: for (;;) {
      switch (this.next()) {
        case eof:
        case 0x0a:
          throw new ParseError('unterminated array');
        case 0x5d:
          break loop;
      }
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const union: Node[] = parts.map((p) => parseAction(`[${p.replace(/^ +| +$/g, '')}]`));
      cur.nodes!.push({ type: 'union', nodes: union });
      return this.parseInsideAction(cur);
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const node of parseAction(`.${dict[1]}`).nodes!) cur.nodes!.push(node);
      return this.parseInsideAction(cur);
    }
    const slice = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!slice) throw new ParseError(`invalid array index ${text}`);
    cur.nodes!.push({ type: 'array', value: text });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: Node): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    loop: for (;;) {
      const r = this.next();
      switch (r) {
        case eof:
        case 0x0a:
          throw new ParseError('unterminated filter');
        case 0x22:
        case 0x27:
          if (!begin) {
            begin = true;
            pair = r;
            continue;
          }
          if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
          break;
        case 0x29:
          if (begin === end) break loop;
      }
    }
    if (this.next() !== 0x5d) throw new ParseError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) parseAction(text);
    else {
      parseAction(m[1]!);
      parseAction(m[3]!);
    }
    cur.nodes!.push({ type: 'filter' });
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: Node, end: number): void {
    loop: for (;;) {
      const r = this.next();
      if (r === eof || r === 0x0a) throw new ParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break loop;
    }
    const value = this.consumeText();
    cur.nodes!.push({ type: 'text', value: value.slice(1, -1) });
    this.parseInsideAction(cur);
  }

  private parseField(cur: Node): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes!.push({ type: 'wildcard' });
    else cur.nodes!.push({ type: 'field', value: value.replaceAll('\\', '') });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** jsonpath's parseAction: `{text}` parsed, its one action list returned. */
function parseAction(text: string): Node {
  const p = new Parser();
  p.parse(`{${text}}`);
  return p.root.nodes![0]!;
}

/** explain's jsonPathParse: the nodes of `{.IN}`, a trailing period ignored. */
function jsonPathParse(input: string): Node[] {
  const p = new Parser();
  try {
    p.parse(`{.${input.endsWith('.') ? input.slice(0, -1) : input}}`);
  } catch (e) {
    if (e instanceof ParseError) throw new KubectlError(e.message);
    throw e;
  }
  if (p.root.nodes!.length !== 1) throw new KubectlError('must pass in 1 jsonpath string');
  return p.root.nodes![0]!.nodes ?? [];
}

function fieldNames(nodes: Node[], message = 'invalid jsonpath syntax, first node must be field node'): string[] {
  return nodes.map((n) => {
    if (n.type !== 'field') throw new KubectlError(message);
    return n.value!;
  });
}

/** schema.GroupVersionResource */
export interface GVR {
  group: string;
  version: string;
  resource: string;
}

export const gvrString = (gvr: GVR) => `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
const groupResourceString = (gvr: GVR) => (gvr.group ? `${gvr.resource}.${gvr.group}` : gvr.resource);

/**
 * The discovery RESTMapper's ResourcesFor for a bare resource name: the shortcut expander
 * (an exact plural or singular name wins over a short name; a short name several resources
 * share picks the first and warns about the others), then every group-version whose plural
 * or singular matches, case-insensitively, in the mapper's priority order.
 */
export function resourcesFor(mapper: RESTMapper, resource: string, warn: (message: string) => void): GVR[] {
  const all = [...mapper.resources()].filter((r) => !r.name.includes('/'));
  const singular = (r: APIResource) => (r.singularName || r.kind).toLowerCase();
  let name = resource;
  let group: string | undefined;
  if (!all.some((r) => r.name === resource || r.singularName === resource)) {
    const warned = new Set<string>();
    for (const r of all) {
      if (!r.shortNames.includes(resource)) continue;
      if (group === undefined) {
        name = r.name;
        group = r.group;
        continue;
      }
      if (r.group === group && r.name === name) continue;
      const longForm = r.group ? `${r.name}.${r.group}` : r.name;
      if (warned.has(longForm)) continue;
      warned.add(longForm);
      warn(`short name ${JSON.stringify(resource)} could also match lower priority resource ${longForm}`);
    }
  }
  const wanted = name.toLowerCase();
  const found: GVR[] = [];
  for (const r of all) {
    if (group !== undefined && r.group !== group) continue;
    if (r.name !== wanted && singular(r) !== wanted) continue;
    if (found.some((f) => f.group === r.group && f.version === r.version && f.resource === r.name)) continue;
    found.push({ group: r.group, version: r.version, resource: r.name });
  }
  if (found.length === 0) throw new PlainError(`the server doesn't have a resource type ${JSON.stringify(resource)}`);
  return found;
}

/** SplitAndParseResourceRequestWithMatchingPrefix: `apiservices.apiregistration.k8s.io.spec` works. */
export function splitWithMatchingPrefix(input: string, mapper: RESTMapper, warn: (message: string) => void): { gvr: GVR; fieldsPath: string[] } {
  const nodes = jsonPathParse(input);
  if (nodes[0]?.type !== 'field') throw new KubectlError('invalid jsonpath syntax, first node must be field node');
  const gvrs = resourcesFor(mapper, nodes[0].value!, warn);
  for (const gvr of gvrs) {
    const prefix = groupResourceString(gvr);
    if (!input.startsWith(prefix)) continue;
    const suffix = input.slice(prefix.length);
    return { gvr, fieldsPath: suffix.length > 0 ? fieldNames(jsonPathParse(suffix).slice(1)) : [] };
  }
  return { gvr: gvrs[0]!, fieldsPath: fieldNames(nodes.slice(1)) };
}

/** SplitAndParseResourceRequest (with --api-version): the first field is the resource. */
export function splitResourceRequest(input: string, mapper: RESTMapper, warn: (message: string) => void): { gvr: GVR; fieldsPath: string[] } {
  const nodes = jsonPathParse(input);
  if (nodes[0]?.type !== 'field') throw new KubectlError('invalid jsonpath syntax, first node must be field node');
  const gvr = resourcesFor(mapper, nodes[0].value!, warn)[0]!;
  return { gvr, fieldsPath: fieldNames(nodes.slice(1), 'invalid jsonpath syntax, all nodes must be field nodes') };
}
