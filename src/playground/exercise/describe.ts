// One line per check, in the page language, for the exercise panel: what the check looks at.
import type { Check } from './types.ts';

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
  if ('request' in check) {
    const { method, path, status } = check.request;
    const code = `${method ? `${method.toUpperCase()} ` : ''}${path}${status ? ` → ${status}` : ''}`;
    return { text: ko ? 'kubectl이 보낸 요청:' : 'kubectl sent', code };
  }
  if ('exists' in check) {
    return { text: check.exists ? (ko ? '있음:' : 'Exists:') : ko ? '없음:' : 'Does not exist:', code: check.path };
  }
  if ('field' in check) {
    return { text: ko ? `${check.field} = ${json(check.equals)}:` : `${check.field} is ${json(check.equals)}:`, code: check.path };
  }
  if ('condition' in check) {
    const want = `${check.condition}=${check.status ?? 'True'}${check.reason ? ` (${check.reason})` : ''}`;
    return { text: ko ? `조건 ${want}:` : `Condition ${want}:`, code: check.path };
  }
  const n = check.count ?? check.minCount ?? 0;
  const exact = check.count !== undefined;
  return { text: ko ? `항목 ${n}개${exact ? '' : ' 이상'}:` : `${exact ? '' : 'At least '}${n} item${n === 1 ? '' : 's'}:`, code: check.path };
}
