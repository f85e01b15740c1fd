/**
 * Reading a year's holiday arrangement out of the State Council's notice itself (国务院办公厅关于
 * YYYY年部分节假日安排的通知), as published: its title gives the year, its 发文字号 and 成文日期
 * the notice, and each numbered item (「二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日
 * （周六）、2月28日（周六）上班。」) a festival's closure and make-up working days. The notice checks
 * itself, and is checked: a weekday it prints beside a date must be that date's weekday, and the
 * 「共N天」 of a closure must be its length; anything that doesn't hold, or can't be read, is named,
 * never guessed. Pure (no Node import): the web form reads a pasted notice with it.
 */
import { chineseNumber } from '../../text/chinese-number.js';
import { dayNumber, type IsoDate, isIsoDate, weekday } from './date.js';
import { noticeTitle } from './entered.js';
import type { Festival, YearArrangement } from './holidays.js';

export type NoticeReading =
  | { ok: true; arrangement: YearArrangement }
  | { ok: false; problems: string[]; arrangement: YearArrangement | null };

const festivalName =
  '(?:元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)(?:、(?:元旦|春节|清明节|劳动节|端午节|中秋节|国庆节))*';
/** An item's start: 「二、春节：」 (the ordinal may be missing in a flattened page). */
const itemStart = new RegExp(`(?:[一二三四五六七八九十]+、)?(${festivalName})[：:]`, 'g');
/** Where the list of items ends: the notice's closing paragraph, or the signature. */
const listEnd = /节假日期间|各地区、各部门|国务院办公厅\d{4}年/;
/** A date as a notice writes it: 「2018年12月30日」「2月15日」「23日」, with an optional note in brackets. */
const dateExpr = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?/g;
const chineseWeekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** A date written in Chinese numerals as digits: 「二〇二五年十一月四日」 → 2025年11月4日. */
function chineseDate(text: string): string {
  return text.replace(
    /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g,
    (all, y: string, m: string, d: string) => {
      const parts = [chineseNumber(y), chineseNumber(m), chineseNumber(d)];
      return parts.some((n) => n === null) ? all : `${parts[0]}年${parts[1]}月${parts[2]}日`;
    },
  );
}

const iso = (y: number, m: number, d: number): IsoDate =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface WrittenDate {
  date: IsoDate;
  /** The weekday the notice prints beside it (0 Sunday), if any. */
  weekday: number | null;
  written: string;
}

/**
 * The dates of a piece of an item, in order: a missing month is the one before it, a missing year
 * the arrangement's (December in the 元旦 item: the year before; a day after the range's end month
 * runs on, as 「12月30日至1月1日」 does).
 */
function datesOf(piece: string, year: number, newYear: boolean, problems: string[]): WrittenDate[] {
  const out: WrittenDate[] = [];
  let month: number | null = null;
  let y: number | null = null;
  for (const m of piece.matchAll(dateExpr)) {
    const [written, yText, mText, dText, note] = m;
    if (mText !== undefined) month = Number(mText);
    if (month === null) {
      problems.push(`「${written}」没有月份`);
      continue;
    }
    const previous = out.at(-1);
    if (yText !== undefined) y = Number(yText);
    else if (mText !== undefined || y === null) y = newYear && month === 12 ? year - 1 : year;
    // 「12月30日至1月1日」: a later date of the piece in an earlier month is in the next year.
    if (
      yText === undefined &&
      previous &&
      iso(y, month, Number(dText)) < previous.date &&
      mText !== undefined
    )
      y = Number(previous.date.slice(0, 4)) + 1;
    const date = iso(y, month, Number(dText));
    if (!isIsoDate(date)) {
      problems.push(`「${written}」不是有效的日期`);
      continue;
    }
    const named = /(?:周|星期)([日天一二三四五六])/.exec(note ?? '');
    const weekdayNamed = named
      ? chineseWeekdays.indexOf((named[1] as string) === '天' ? '日' : (named[1] as string))
      : null;
    // Quoted as the notice prints it (NFKC made its brackets ASCII).
    out.push({ date, weekday: weekdayNamed, written: written.replace('(', '（').replace(')', '）') });
  }
  return out;
}

/** One item of the notice: the festival's closure and make-up days, with what doesn't hold. */
function festivalOf(name: string, body: string, year: number, problems: string[]): Festival | null {
  const sentences = body.split('。').filter((s) => s !== '');
  const closing = sentences.findIndex((s) => s.includes('放假'));
  if (closing < 0) {
    problems.push(`${name}：未找到放假日期（「……放假」）`);
    return null;
  }
  const here: string[] = [];
  const newYear = name.includes('元旦');
  const closure = sentences[closing] as string;
  const offPart = closure.slice(0, closure.indexOf('放假'));
  const off = datesOf(offPart, year, newYear, here);
  // Make-up days: the dates of a clause that ends in 上班, after the closure (in its sentence or later).
  const work: WrittenDate[] = [];
  const rest = [closure.slice(closure.indexOf('放假')), ...sentences.slice(closing + 1)];
  for (const clause of rest.flatMap((s) => s.split(/[，；]/)))
    if (clause.includes('上班'))
      work.push(...datesOf(clause.slice(0, clause.lastIndexOf('上班')), year, newYear, here));
  if (off.length === 0 || off.length > 2)
    here.push(`放假日期应为一天或「第一天至最后一天」，读到 ${off.length} 个日期`);
  for (const d of [...off, ...work])
    if (d.weekday !== null && d.weekday !== weekday(d.date))
      here.push(`${d.date} 是星期${chineseWeekdays[weekday(d.date)]}，通知写「${d.written}」`);
  const first = off[0];
  const last = off[1] ?? off[0];
  if (first && last && off.length <= 2) {
    const stated = /共(\d+)天/.exec(closure) ?? /放假(\d+)天/.exec(closure);
    const days = dayNumber(last.date) - dayNumber(first.date) + 1;
    if (stated && Number(stated[1]) !== days)
      here.push(`按日期放假 ${days} 天（${first.date} 至 ${last.date}），通知写「${stated[0]}」`);
  }
  problems.push(...here.map((p) => `${name}：${p}`));
  if (!first || !last || off.length > 2) return null;
  return { name, off: [first.date, last.date], work: work.map((d) => d.date) };
}

/**
 * Reads the arrangement out of a notice's text (a page's or a document's, paragraphs or one line).
 * Not ok when a part can't be read or the notice doesn't hold together; the arrangement read so far
 * comes with the problems, for a form to show.
 */
export function readHolidayNotice(raw: string): NoticeReading {
  const text = chineseDate(
    raw
      .normalize('NFKC')
      .replace(/[ \t\u3000\u00a0]+/g, '')
      .replace(/\r?\n+/g, '\n'),
  );
  const flat = text.replace(/\n/g, '');
  const problems: string[] = [];
  const title = /国务院办公厅关于(\d{4})年(?:部分)?节假日安排的通知/.exec(flat);
  if (!title)
    return {
      ok: false,
      problems: ['未找到通知标题（国务院办公厅关于YYYY年部分节假日安排的通知）'],
      arrangement: null,
    };
  const year = Number(title[1]);
  const numberMatch = /国办发明电[〔[（(](\d{4})[〕\]）)](\d+)号/.exec(flat);
  if (!numberMatch) problems.push('未找到发文字号（国办发明电〔YYYY〕N号）');
  const number = numberMatch ? `国办发明电〔${numberMatch[1]}〕${numberMatch[2]}号` : '';

  const starts = [...flat.matchAll(itemStart)];
  const festivals: Festival[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as RegExpMatchArray;
    const from = (start.index as number) + start[0].length;
    const to = (starts[i + 1]?.index as number | undefined) ?? flat.length;
    let body = flat.slice(from, to);
    const end = listEnd.exec(body);
    if (end) body = body.slice(0, end.index);
    const festival = festivalOf(start[1] as string, body, year, problems);
    if (festival) festivals.push(festival);
  }
  if (starts.length === 0) problems.push('未找到各节日的安排（如「一、元旦：1月1日放假」）');

  // The 成文日期: the date under the signature 「国务院办公厅」 after the items; without it, the
  // last full date after the items (a page's footer may print another date after the signature).
  const afterItems = flat.slice((starts.at(-1)?.index as number | undefined) ?? 0);
  const signed =
    [...afterItems.matchAll(/国务院办公厅\s*(\d{4})年(\d{1,2})月(\d{1,2})日/g)].at(-1) ??
    [...afterItems.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].at(-1);
  const date = signed ? iso(Number(signed[1]), Number(signed[2]), Number(signed[3])) : '';
  if (!signed || !isIsoDate(date) || date > `${year}-12-31`)
    problems.push('未找到成文日期（通知末尾的 YYYY年M月D日）');

  const arrangement: YearArrangement = {
    year,
    notice: { title: noticeTitle(year), number, date },
    amendments: [],
    festivals,
  };
  return problems.length > 0 ? { ok: false, problems, arrangement } : { ok: true, arrangement };
}
