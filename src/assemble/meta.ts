import type { Point } from '../core/finding.js';
import type { Paragraph } from '../read/blocks.js';
import { chineseNumber } from '../text/chinese-number.js';
import { foldedOf } from '../text/fold.js';

/**
 * The report's metadata from its text: title, 发布时间 line, signature. Works on paragraphs
 * (lines) in folded form; flattened sources with everything on one line fall back to patterns.
 */
export interface Meta {
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  publishedPlace: Point | null;
  signedOn: string | null;
  signedPlace: Point | null;
  /** First source line of the closing signature (the body's name, else the date), when on lines of its own. */
  signatureLine: number | null;
  titleAgency: string | null;
  signatureAgency: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date from year/month/day parts, or null when it isn't a real date. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const numericDate = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;
const chineseDate =
  /([〇零Oo一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/;

export function dateIn(text: string): { iso: string; index: number; length: number } | null {
  const n = numericDate.exec(text);
  if (n) {
    const iso = isoDate(Number(n[1]), Number(n[2]), Number(n[3]));
    if (iso) return { iso, index: n.index, length: n[0].length };
  }
  const c = chineseDate.exec(text);
  if (c) {
    const iso = isoDate(
      chineseNumber(c[1] as string) ?? 0,
      chineseNumber(c[2] as string) ?? 0,
      chineseNumber(c[3] as string) ?? 0,
    );
    if (iso) return { iso, index: c.index, length: c[0].length };
  }
  return null;
}

/** Endings of the names of government bodies. */
const bodySuffix =
  '(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管理委员会|管委会|实验区|新区|开发区|示范区|[厅局委办署院部处所站队室]|中心|总队|支队)';
/**
 * A body's name: Chinese from its first character (a place), then Chinese or digits and Latin
 * letters too (「某县第2强制隔离戒毒所」「北京市12345市民服务热线管理中心」), ending as a body's name does.
 * Only a whole line (or the whole of what stands before a title's year) is taken so: at the end of
 * a longer line (a breadcrumb) digits may be a date's, and the tail below stays Chinese.
 */
const bodyName = new RegExp(`^[\\u4e00-\\u9fa5][\\u4e00-\\u9fa5()·0-9A-Za-z]{1,39}${bodySuffix}$`);
/** A run of digits that is a year or a date (「2021」「20220114」), not part of a name. */
const dateDigits = /(?<!\d)(?:(?:19|20)\d{2}|\d{6,})(?!\d)/;
const isBodyName = (text: string): boolean => bodyName.test(text) && !dateDigits.test(text);
const titleYear =
  /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府|政务)?\s*信息\s*公开\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/;
const period =
  /(?:统计期限|统计时限|统计时间|统计期间|统计区间|数据统计)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;
const published = /(?:发布时间|发布日期|发文日期|公开日期|发布于)\s*[:：]?\s*/;

const clean = (s: string) => s.replace(/\s+/g, '').replace(/^(?:标题|题目)[:：]/, '');

export function extractMeta(paragraphs: readonly Paragraph[], bodyStartIndex: number): Meta {
  const meta: Meta = {
    agency: null,
    year: null,
    publishedOn: null,
    publishedPlace: null,
    signedOn: null,
    signedPlace: null,
    signatureLine: null,
    titleAgency: null,
    signatureAgency: null,
  };
  // Each paragraph's folded text, made when first asked for: most of a long report is never looked at.
  const foldedText: (string | undefined)[] = new Array(paragraphs.length);
  const textOf = (i: number): string => {
    let text = foldedText[i];
    if (text === undefined) {
      text = boundedRuns(foldedOf(paragraphs[i] as Paragraph).text.trim());
      foldedText[i] = text;
    }
    return text;
  };
  const allFolded = (): string[] => paragraphs.map((_, i) => textOf(i));
  const place = (i: number, column = 1): Point => {
    const p = paragraphs[i] as Paragraph;
    return { line: p.line, column: p.column + column - 1, ...(p.page !== undefined ? { page: p.page } : {}) };
  };

  // Title and its year: among the first lines, before the body starts.
  const head = Math.min(paragraphs.length, Math.max(3, Math.min(bodyStartIndex, 15)));
  for (let i = 0; i < head; i++) {
    const text = textOf(i);
    const m = titleYear.exec(text);
    // A title is a short line that ends with the words 年度报告 (not a sentence that mentions them).
    if (!m || text.length > 80 || m.index + m[0].length < text.length - 4) continue;
    meta.year = Number(m[1]);
    const before = clean(text.slice(0, m.index)).replace(/[,，。:：]+$/, '');
    const candidate = before || (i > 0 ? clean(textOf(i - 1)) : '');
    if (candidate && isBodyName(candidate)) meta.titleAgency = candidate;
    else if (candidate) {
      // A title preceded by a site's breadcrumb: keep the last name-like piece.
      const tail = new RegExp(`([\\u4e00-\\u9fa5()]{2,40}?${bodySuffix})$`).exec(candidate);
      if (tail) meta.titleAgency = tail[1] as string;
    }
    break;
  }

  // 发布时间 / 发布日期 lines.
  for (let i = 0; i < paragraphs.length && i < 60; i++) {
    const text = textOf(i);
    const m = published.exec(text);
    if (!m) continue;
    const date = dateIn(text.slice(m.index + m[0].length));
    if (date && date.index === 0) {
      meta.publishedOn = date.iso;
      meta.publishedPlace = place(i, m.index + m[0].length + 1);
      break;
    }
  }

  // Signature: a date alone on one of the last lines (附件 lines and notes may follow), the
  // body's name on the line before.
  for (let i = paragraphs.length - 1; i >= Math.max(0, paragraphs.length - 8); i--) {
    const text = textOf(i).replace(/\s+/g, '');
    const date = dateIn(text);
    if (!date) continue;
    const rest = text.slice(0, date.index) + text.slice(date.index + date.length);
    if (rest === '') {
      meta.signedOn = date.iso;
      meta.signedPlace = place(i);
      meta.signatureLine = (paragraphs[i] as Paragraph).line;
      for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
        const name = clean(textOf(j));
        if (name && isBodyName(name)) {
          meta.signatureAgency = name;
          meta.signatureLine = (paragraphs[j] as Paragraph).line;
          break;
        }
      }
    } else if (isBodyName(rest) && date.index + date.length === text.length) {
      meta.signedOn = date.iso;
      meta.signedPlace = place(i);
      meta.signatureAgency = rest;
      meta.signatureLine = (paragraphs[i] as Paragraph).line;
    }
    break;
  }

  // The whole text, joined only for the fallbacks that need it.
  let whole: string | undefined;
  const wholeText = (): string => {
    whole ??= allFolded().join('\n');
    return whole;
  };
  if (meta.year === null) {
    const m = period.exec(wholeText());
    if (m) meta.year = Number(m[1]);
  }
  if (meta.year === null) {
    const m = /(\d{4})\s*年\s*[,，]/.exec(allFolded().slice(bodyStartIndex).join('\n'));
    if (m) meta.year = Number(m[1]);
  }
  if (meta.year === null) {
    const date = meta.signedOn ?? meta.publishedOn;
    if (date) meta.year = Number(date.slice(0, 4)) - 1;
  }

  // The body: signature unless the title names it in full; then the title; then the prose.
  const title = meta.titleAgency;
  const signature = meta.signatureAgency;
  if (signature && (!title || (signature.endsWith(title) && signature !== title))) meta.agency = signature;
  else if (title) meta.agency = title;
  else if (signature) meta.agency = signature;
  else meta.agency = agencyFromProse(wholeText());
  return meta;
}

/**
 * A line with a very long run of digits (a damaged or hostile file) has it shortened: no date or
 * year is in it, and the patterns here would try each of its positions.
 */
function boundedRuns(text: string): string {
  return text.length > 4096 ? text.replace(/\d{13,}/g, (run) => run.slice(0, 12)) : text;
}

const prosePatterns = [
  new RegExp(
    `\\d{4}\\s*年\\s*度?\\s*[,，]\\s*([\\u4e00-\\u9fa5()]{2,30}?${bodySuffix})(?:坚持|认真|深入|始终|积极|全面|紧紧|紧扣|高度|严格|按照|围绕|持续|进一步|以)`,
  ),
  new RegExp(`本报告由\\s*([\\u4e00-\\u9fa5()]{2,30}?${bodySuffix})\\s*(?:按照|根据|依据|编制|编写|负责)`),
];

function agencyFromProse(text: string): string | null {
  for (const pattern of prosePatterns) {
    const m = pattern.exec(text);
    if (m) return m[1] as string;
  }
  return null;
}
