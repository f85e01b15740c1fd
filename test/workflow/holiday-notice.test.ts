/**
 * A holiday notice read into its arrangement: every built-in year, written out in the notices'
 * manner in each way a page prints it, reads back to itself; a notice that doesn't hold together
 * (a weekday that isn't the date's, a 「共N天」 that isn't the closure's length) or can't be read is
 * named, never guessed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidayTable, readHolidayNotice, type YearArrangement } from '../../src/workflow/index.js';
import { type NoticeStyle, writeNotice } from '../support/holiday-notice.js';

const plain: NoticeStyle = { weekdays: '周', flat: false, fullWidthDigits: false, chineseSignature: false };
/** The arrangement as a notice gives it: the amendments are later notices, not this one's. */
const asNotice = (a: YearArrangement): YearArrangement => ({ ...a, amendments: [] });

describe('reading a holiday notice', () => {
  it('every built-in year, in every way a page prints a notice, reads back to itself (property)', () => {
    const style = fc.record<NoticeStyle>({
      weekdays: fc.constantFrom('周', '星期', 'none'),
      flat: fc.boolean(),
      fullWidthDigits: fc.boolean(),
      chineseSignature: fc.boolean(),
    });
    // 2020's festivals are as amended (Spring Festival extended): as if one notice had said so.
    fc.assert(
      fc.property(fc.constantFrom(...holidayTable), style, (a, s) => {
        const read = readHolidayNotice(writeNotice(a, s));
        expect(read).toEqual({ ok: true, arrangement: asNotice(a) });
      }),
      { numRuns: 80 },
    );
  });

  it('reads 2019, whose 元旦 began in the year before', () => {
    const a = holidayTable[0] as YearArrangement;
    const text = writeNotice(a, plain);
    expect(text).toContain(
      '一、元旦：2018年12月30日（周日）至2019年1月1日（周二）放假调休，共3天。2018年12月29日（周六）上班。',
    );
    expect(readHolidayNotice(text)).toEqual({ ok: true, arrangement: asNotice(a) });
  });

  it('takes the date under the signature, not a later date a web page prints in its footer', () => {
    const a = holidayTable.at(-1) as YearArrangement;
    const page = `${writeNotice(a, plain)}\n（此件公开发布）\n【我要纠错】 责任编辑：张三\n发布时间：${a.year - 1}年12月1日 来源：中国政府网`;
    expect(readHolidayNotice(page)).toEqual({ ok: true, arrangement: asNotice(a) });
  });

  it('reads an item with lunar dates in its notes and a sentence of advice after it', () => {
    const read = readHolidayNotice(
      [
        '国务院办公厅关于2026年部分节假日安排的通知',
        '国办发明电〔2025〕7号',
        '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月16日）休息。',
        '国务院办公厅',
        '2025年11月4日',
      ].join('\n'),
    );
    expect(read).toEqual({
      ok: true,
      arrangement: {
        year: 2026,
        notice: {
          title: '国务院办公厅关于2026年部分节假日安排的通知',
          number: '国办发明电〔2025〕7号',
          date: '2025-11-04',
        },
        amendments: [],
        festivals: [{ name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] }],
      },
    });
  });

  it('reads make-up days written in the closure’s own sentence', () => {
    const read = readHolidayNotice(
      '国务院办公厅关于2019年部分节假日安排的通知 国办发明电〔2018〕15号 七、国庆节：10月1日至7日放假调休，共7天，9月29日（星期日）、10月12日（星期六）上班。 国务院办公厅 2018年12月6日',
    );
    expect(read.ok ? read.arrangement.festivals : read.problems).toEqual([
      { name: '国庆节', off: ['2019-10-01', '2019-10-07'], work: ['2019-09-29', '2019-10-12'] },
    ]);
  });

  it('names a weekday that is not the date’s, a wrong day count and an item it cannot read', () => {
    const a = holidayTable.find((y) => y.year === 2026) as YearArrangement;
    const text = writeNotice(a, plain)
      .replace('2月14日（周六）', '2月14日（周日）')
      .replace('共9天', '共8天')
      .replace('五、端午节：6月19日（周五）至21日（周日）放假', '五、端午节：另行通知');
    const read = readHolidayNotice(text);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems).toEqual([
      '春节：2026-02-14 是星期六，通知写「2月14日（周日）」',
      '春节：按日期放假 9 天（2026-02-15 至 2026-02-23），通知写「共8天」',
      '端午节：未找到放假日期（「……放假」）',
    ]);
    expect(read.arrangement?.festivals.map((f) => f.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '中秋节',
      '国庆节',
    ]);
  });

  it('says what is missing from a text that is no such notice', () => {
    expect(readHolidayNotice('关于做好春节期间值班工作的通知')).toEqual({
      ok: false,
      problems: ['未找到通知标题（国务院办公厅关于YYYY年部分节假日安排的通知）'],
      arrangement: null,
    });
    const read = readHolidayNotice(
      '国务院办公厅关于2027年部分节假日安排的通知\n经国务院批准，现将有关安排通知如下。',
    );
    expect(read.ok ? [] : read.problems).toEqual([
      '未找到发文字号（国办发明电〔YYYY〕N号）',
      '未找到各节日的安排（如「一、元旦：1月1日放假」）',
      '未找到成文日期（通知末尾的 YYYY年M月D日）',
    ]);
  });
});
