// Label selectors as apimachinery's labels.Parse reads them (with its error wording) and
// labels.Selector matches them: for the apiserver's labelSelector parameter, and for the
// selections kubectl makes itself (objects read from files are filtered on the client).

type TokenKind = 'identifier' | 'in' | 'notin' | '!' | '!=' | '(' | ')' | ',' | '=' | '==' | '>' | '<' | 'end';

interface Token {
  kind: TokenKind;
  literal: string;
}

type Operator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

const specialSymbols = ['!=', '==', '!', '(', ')', ',', '=', '>', '<'] as const;
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const startsSymbol = (c: string) => '!(),=<>'.includes(c);

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const symbol = specialSymbols.find((s) => input.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: symbol, literal: symbol });
      i += symbol.length;
      continue;
    }
    let j = i;
    while (j < input.length && !isWhitespace(input[j]!) && !startsSymbol(input[j]!)) j++;
    const word = input.slice(i, j);
    tokens.push({ kind: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'identifier', literal: word });
    i = j;
  }
  tokens.push({ kind: 'end', literal: '' });
  return tokens;
}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

/** The requirements of a selector, or an Error worded as labels.Parse words it. */
export function parseSelector(selector: string): Requirement[] {
  const tokens = tokenize(selector);
  let pos = 0;
  // In value position keywords read as plain identifiers, as the parser's Values mode does.
  const peekValue = (): Token => {
    const t = tokens[pos]!;
    return t.kind === 'in' || t.kind === 'notin' ? { kind: 'identifier', literal: t.literal } : t;
  };
  const nextValue = (): Token => {
    const t = peekValue();
    pos++;
    return t;
  };
  const fail = (message: string) => new Error(message);
  const requirement = (): Requirement => {
    let tok = nextValue();
    let negated = false;
    if (tok.kind === '!') {
      negated = true;
      tok = nextValue();
    }
    if (tok.kind !== 'identifier') throw fail(`found '${tok.literal}', expected: identifier`);
    const key = tok.literal;
    const ahead = peekValue().kind;
    if (ahead === 'end' || ahead === ',') return { key, operator: negated ? '!' : 'exists', values: [] };
    const op = tokens[pos++]!;
    let operator: Operator;
    if (op.kind === 'in' || op.kind === 'notin' || op.kind === '=' || op.kind === '==' || op.kind === '!=') operator = op.kind;
    else if (op.kind === '>') operator = 'gt';
    else if (op.kind === '<') operator = 'lt';
    else throw fail(`found '${op.literal}', expected: ${binaryOperators}`);
    if (operator === 'in' || operator === 'notin') {
      const open = nextValue();
      if (open.kind !== '(') throw fail(`found '${open.literal}', expected: '('`);
      const values: string[] = [];
      for (;;) {
        const t = nextValue();
        if (t.kind === 'identifier') {
          values.push(t.literal);
          const sep = nextValue();
          if (sep.kind === ')') break;
          if (sep.kind !== ',') throw fail(`found '${sep.literal}', expected: ',' or ')'`);
        } else if (t.kind === ')' && values.length === 0) {
          values.push('');
          break;
        } else if (t.kind === ',') {
          values.push('');
        } else throw fail(`found '${t.literal}', expected: ',', ')' or identifier`);
      }
      return { key, operator, values };
    }
    const ahead2 = peekValue();
    if (ahead2.kind === 'end' || ahead2.kind === ',') return { key, operator, values: [''] };
    const value = nextValue();
    if (value.kind !== 'identifier') throw fail(`found '${value.literal}', expected: identifier`);
    return { key, operator, values: [value.literal] };
  };
  const requirements: Requirement[] = [];
  for (;;) {
    const t = peekValue();
    if (t.kind === 'end') return requirements;
    if (t.kind !== 'identifier' && t.kind !== '!') throw fail(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
    try {
      requirements.push(requirement());
    } catch (e) {
      throw fail(`unable to parse requirement: ${(e as Error).message}`);
    }
    const after = nextValue();
    if (after.kind === 'end') return requirements;
    if (after.kind !== ',') throw fail(`found '${after.literal}', expected: ',' or 'end of string'`);
    const next = peekValue();
    if (next.kind !== 'identifier' && next.kind !== '!') throw fail(`found '${next.literal}', expected: identifier after ','`);
  }
}

/** Whether labels satisfy every requirement (labels.Selector's Matches). */
export function matchesSelector(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    const value = labels[key];
    switch (operator) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case '==':
      case 'in':
        return has && values.includes(value!);
      case '!=':
      case 'notin':
        return !has || !values.includes(value!);
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(value!)) return false;
        const bound = Number(values[0]);
        return operator === 'gt' ? Number(value) > bound : Number(value) < bound;
      }
    }
  });
}

/** The labels of an object as JSON gives it: metadata.labels with string values. */
export function labelsOf(object: unknown): Record<string, string> {
  const metadata = (object as { metadata?: { labels?: unknown } } | null)?.metadata;
  const labels = metadata?.labels;
  if (typeof labels !== 'object' || labels === null) return {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
