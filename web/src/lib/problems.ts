/**
 * Why a record can't be saved, as problems to show one a line: one problem is the title; several
 * are listed under a title that says what they are (the server's 「记录不符合办理规则」, or the form's
 * 「输入有误」), not joined into one long line. Shown by components/problems-alert.tsx.
 */
import { ApiError, messageOf } from './api.js';

export interface Problems {
  title: string;
  /** The problems, one a line under the title (none: the title is the one problem). */
  items: readonly string[];
}

/** Messages as problems (null when there are none): one is the title, several a list under `title`. */
export function problemsOf(messages: readonly string[], title = '输入有误'): Problems | null {
  const [first, ...more] = messages;
  if (first === undefined) return null;
  return more.length === 0 ? { title: first, items: [] } : { title, items: messages };
}

/**
 * An error as problems: the reasons the server gave for refusing a record (its message is 「what：
 * reason；reason」, the title is what), or the error's one message.
 */
export function problemsOfError(error: unknown): Problems {
  const message = messageOf(error);
  const reasons = error instanceof ApiError ? error.problems : [];
  if (reasons.length < 2) return { title: message, items: [] };
  const joined = reasons.join('；');
  const what = message.endsWith(joined) ? message.slice(0, -joined.length).replace(/[：:]\s*$/, '') : '';
  return { title: what || '无法保存', items: reasons };
}
