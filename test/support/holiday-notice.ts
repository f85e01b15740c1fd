/**
 * An arrangement written out as a holiday notice is worded (国务院办公厅关于YYYY年部分节假日安排的
 * 通知): the items 「二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）上班。」 in the
 * notices' manner, with the ways pages print them (周 or 星期, one paragraph a line or flattened,
 * full-width digits, the signature date in Chinese numerals). Written for the tests from the
 * built-in table: not the text of any notice.
 */
import { dayNumber, weekday, type YearArrangement } from '../../src/workflow/index.js';

export interface NoticeStyle {
  weekdays: '周' | '星期' | 'none';
  /** One line (a flattened page) instead of a paragraph a line. */
  flat: boolean;
  fullWidthDigits: boolean;
  /** The signature date in Chinese numerals (二〇二五年十一月四日). */
  chineseSignature: boolean;
}

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];
const numerals = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  if (n < 10) return numerals[n] as string;
  return `${n >= 20 ? numerals[Math.floor(n / 10)] : ''}十${n % 10 === 0 ? '' : numerals[n % 10]}`;
}

export function writeNotice(a: YearArrangement, style: NoticeStyle): string {
  const note = (date: string) =>
    style.weekdays === 'none' ? '' : `（${style.weekdays}${weekdayNames[weekday(date)]}）`;
  /** 「2月15日（周日）」, with the year when it is not the arrangement's, the month when it changes. */
  const written = (date: string, previous?: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const yearPart =
      y !== a.year || (previous !== undefined && previous.slice(0, 4) !== date.slice(0, 4)) ? `${y}年` : '';
    const monthPart = previous !== undefined && previous.slice(0, 7) === date.slice(0, 7) ? '' : `${m}月`;
    return `${yearPart}${monthPart}${d}日${note(date)}`;
  };
  const items = a.festivals.map((f, i) => {
    const [first, last] = f.off;
    const days = dayNumber(last) - dayNumber(first) + 1;
    const closure =
      first === last
        ? `${written(first)}放假${days}天${f.work.length === 0 ? '，不调休' : ''}`
        : `${written(first)}至${written(last, first)}放假${f.work.length > 0 ? '调休' : ''}，共${days}天`;
    const work = f.work.length > 0 ? `${f.work.map((d) => written(d)).join('、')}上班。` : '';
    return `${ordinals[i]}、${f.name}：${closure}。${work}`;
  });
  const [y, m, d] = a.notice.date.split('-').map(Number) as [number, number, number];
  const signature = style.chineseSignature
    ? `${[...String(y)].map((c) => numerals[Number(c)]).join('')}年${chineseNumber(m)}月${chineseNumber(d)}日`
    : `${y}年${m}月${d}日`;
  const lines = [
    a.notice.title,
    a.notice.number,
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    `经国务院批准，现将${a.year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。`,
    ...items,
    '节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。',
    '国务院办公厅',
    signature,
  ];
  const text = lines.join(style.flat ? '' : '\n');
  return style.fullWidthDigits
    ? text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    : text;
}

/** An arrangement for 2027 as a notice might set it: dates made up for the tests, not the notice's. */
export const sample2027: YearArrangement = {
  year: 2027,
  notice: {
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    number: '国办发明电〔2026〕1号',
    date: '2026-11-10',
  },
  amendments: [],
  festivals: [
    { name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] },
    { name: '春节', off: ['2027-02-06', '2027-02-14'], work: ['2027-02-20'] },
  ],
};
