/**
 * Reading a ledger's cells back (the 办理台账 of applications, ledger-import.ts, and the 复议诉讼
 * 台账 of cases, cases-ledger.ts): which column each heading is (its key, its Chinese name, or a
 * name offices use), and dates and choices as people write them. A value that can't be read is a
 * message naming the column; nothing is guessed.
 */
import { type IsoDate, isIsoDate } from './calendar/date.js';

/** Why a cell can't be read: its message names the column and the value. */
export class CellError extends Error {}

export const fail = (message: string): never => {
  throw new CellError(message);
};

/** A heading or a name as compared: no spaces, no required-field star, full-width brackets as half. */
export const plain = (text: string): string =>
  text
    .replace(/^\ufeff/, '')
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** 2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日. */
export function dateOf(text: string, what: string): IsoDate {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  const iso = m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : '';
  return isIsoDate(iso) ? iso : fail(`${what}「${text}」不是日期（应为 2024-05-06 这样的日期）`);
}

/** A name or its code, by the names a table gives (brackets' remarks optional: 「邮寄」 is 邮寄（需签收）). */
export function choice<T extends string>(
  text: string,
  codes: readonly T[],
  name: (code: T) => string,
  what: string,
): T {
  const t = plain(text);
  const bare = (s: string) => plain(s).replace(/\(.*\)$/, '');
  return (
    codes.find((c) => c === text.trim()) ??
    codes.find((c) => plain(name(c)) === t) ??
    codes.find((c) => bare(name(c)) === t) ??
    fail(`${what}「${text}」不是可选的值（${codes.map(name).join('、')}）`)
  );
}

/** A ledger's columns as reading needs them: keys and Chinese names, other names, the required ones. */
export interface LedgerLayout<K extends string> {
  columns: readonly (readonly [K, string])[];
  /** Other headings offices use for the same columns. */
  aliases: Readonly<Record<string, K>>;
  required: readonly K[];
  /** The ledger's name in messages: 「办理台账」. */
  title: string;
}

/** A column's Chinese name. */
export const columnName = <K extends string>(layout: LedgerLayout<K>, key: K): string =>
  layout.columns.find(([k]) => k === key)?.[1] ?? key;

/** Which column each heading is (null: not one the import reads), or what is missing. */
export function headerReader<K extends string>(
  layout: LedgerLayout<K>,
): (headings: readonly string[]) => { ok: true; keys: (K | null)[] } | { ok: false; message: string } {
  const byHeading = new Map<string, K>([
    ...layout.columns.flatMap(([key, name]): [string, K][] => [
      [plain(key), key],
      [plain(name), key],
    ]),
    ...Object.entries(layout.aliases).map(([name, key]): [string, K] => [plain(name), key]),
  ]);
  return (headings) => {
    const keys = headings.map((h) => byHeading.get(plain(h)) ?? null);
    const missing = layout.required.filter((k) => !keys.includes(k));
    if (missing.length > 0)
      return {
        ok: false,
        message: `表头缺少${missing.map((k) => `「${columnName(layout, k)}」`).join('、')}列（第一行应为列名，如导出的${layout.title}）`,
      };
    const twice = keys.find((k, i) => k !== null && keys.indexOf(k) !== i);
    if (twice) return { ok: false, message: `表头中「${columnName(layout, twice)}」列出现了两次` };
    return { ok: true, keys };
  };
}

/**
 * Reads a row's cells, collecting the message of each that can't be read (a required one left
 * blank too): `read(key, parse)` is the value, or undefined when blank or wrong.
 */
export function cellReader<K extends string>(layout: LedgerLayout<K>, row: ReadonlyMap<K, string>) {
  const messages: string[] = [];
  const read = <T>(key: K, parse: (text: string) => T): T | undefined => {
    const text = (row.get(key) ?? '').trim();
    if (text === '') {
      if (layout.required.includes(key)) messages.push(`「${columnName(layout, key)}」不能为空`);
      return undefined;
    }
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      messages.push(error.message);
      return undefined;
    }
  };
  return { read, messages };
}
