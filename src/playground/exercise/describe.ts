// One line per check, in the page language, for the exercise panel: what the check looks at.
import { kindOf, type Check } from './types.ts';

export type Lang = 'en' | 'ko';

export interface CheckLine {
  /** What must hold, in words. */
  text: string;
  /** The API path it reads (or the request it looks for), shown as code. */
  code: string;
}

const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function describeCheck(check: Check, lang: Lang): CheckLine {
  const ko = lang === 'ko';
  const c = kindOf(check);
  switch (c.kind) {
    case 'request': {
      const { method, path, status } = c.check.request;
      const code = `${method ? `${method.toUpperCase()} ` : ''}${path}${status ? ` → ${status}` : ''}`;
      return { text: ko ? 'kubectl이 보낸 요청:' : 'kubectl sent', code };
    }
    case 'exists':
      return { text: c.check.exists ? (ko ? '있음:' : 'Exists:') : ko ? '없음:' : 'Does not exist:', code: c.check.path };
    case 'field': {
      const { field, equals, path } = c.check;
      return { text: ko ? `${field} = ${json(equals)}:` : `${field} is ${json(equals)}:`, code: path };
    }
    case 'condition': {
      const { condition, status, reason, path } = c.check;
      const want = `${condition}=${status ?? 'True'}${reason ? ` (${reason})` : ''}`;
      return { text: ko ? `조건 ${want}:` : `Condition ${want}:`, code: path };
    }
    case 'count': {
      const { count, minCount, path } = c.check;
      const n = count ?? minCount ?? 0;
      const exact = count !== undefined;
      return { text: ko ? `항목 ${n}개${exact ? '' : ' 이상'}:` : `${exact ? '' : 'At least '}${n} item${n === 1 ? '' : 's'}:`, code: path };
    }
  }
}
