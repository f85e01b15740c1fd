/**
 * `gongkai holidays`: a year's arrangement entered from options or from a JSON file, listed,
 * removed; `gongkai due` lists the applications no deadline can be worked out for, and why.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { holidayReminder } from '../../src/cli/commands/serve.js';
import { openStore } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { sample2027, writeNotice } from '../support/holiday-notice.js';
import { ok, run, tempFiles, useFreshStore } from './helpers.js';

describeEachBackend('holidays command', (backend) => {
  const target = useFreshStore(backend);

  it('enters 2027 from options; due dates the application it had left undated', async () => {
    await ok(['agencies', 'add', '--name', '丁县人民政府办公室', '--id', 'ding']);
    await ok([
      'applications',
      'add',
      '--id',
      '2026-090',
      '--applicant',
      'np',
      '--channel',
      'inPerson',
      '--submitted',
      '2026-12-07',
    ]);
    const reason =
      '缺少 2027 年节假日安排，无法计算期限（2027 年的安排可能调整 2026 年 12 月下旬的工作日，涉及 2026-12-24）';
    expect(await ok(['due', '--as-of', '2026-12-10'])).toBe(
      [
        '机关：全部',
        '截至 2026-12-10：',
        '已超期 0 件',
        '5 个工作日内到期 0 件',
        '无法计算期限 1 件（其中可能有已超期的）',
        `  2026-090\tding\t收到 2026-12-07\t${reason}`,
        '缺少 2027 年的节假日安排：国务院办公厅的通知发布后，用 gongkai holidays add 录入（见 gongkai holidays add --help）',
        '',
      ].join('\n'),
    );
    expect((await ok(['holidays', 'list'])).split('\n').slice(-3)).toEqual([
      '2026\t国办发明电〔2025〕7号（2025-11-04）\t自带',
      '已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算，发布通知后用 gongkai holidays add 录入。',
      '',
    ]);

    const bad = await run([
      'holidays',
      'add',
      '--year',
      '2027',
      '--notice',
      '国办发明电〔2026〕1号',
      '--notice-date',
      '2026-11-10',
      '--festival',
      '元旦:2027-01-01..2027-01-03:2027-01-04',
    ]);
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([
      2,
      '',
      'gongkai: 错误：输入有误：「festivals[0].work[0]」：元旦调休上班日 2027-01-04 不是星期六或星期日（工作日本来就上班）\n',
    ]);
    const syntax = await run(['holidays', 'add', '--year', '2027', '--festival', '元旦 2027-01-01']);
    expect([syntax.code, syntax.stderr]).toEqual([
      2,
      'gongkai: 错误：节日「元旦 2027-01-01」的写法应为 名称:放假第一天..最后一天[:调休上班日,…]，如 春节:2027-02-06..2027-02-14:2027-02-20\n',
    ]);

    expect(
      await ok([
        'holidays',
        'add',
        '--year',
        '2027',
        '--notice',
        '国办发明电〔2026〕1号',
        '--notice-date',
        '2026-11-10',
        '--festival',
        '元旦:2027-01-01..2027-01-03',
        '--festival',
        '春节：2027-02-06至2027-02-14：2027-02-20',
      ]),
    ).toBe(
      '已录入 2027 年的节假日安排（国办发明电〔2026〕1号，2026-11-10）：\n  元旦 2027-01-01 至 2027-01-03 放假\n  春节 2027-02-06 至 2027-02-14 放假，2027-02-20 上班\n',
    );
    expect(await ok(['due', '--as-of', '2026-12-10'])).toBe(
      '机关：全部\n截至 2026-12-10：\n已超期 0 件\n5 个工作日内到期 0 件\n',
    );
    expect(await ok(['due', '--as-of', '2026-12-29'])).toContain(
      '2026-090\tding\t自然人\t收到 2026-12-07\t答复期限 2027-01-05',
    );
    expect(await ok(['holidays', 'list', '--year', '2027'])).toBe(
      '2027\t国办发明电〔2026〕1号（2026-11-10）\t录入\n  元旦 2027-01-01 至 2027-01-03 放假\n  春节 2027-02-06 至 2027-02-14 放假，2027-02-20 上班\n',
    );

    expect(await ok(['holidays', 'remove', '2027'])).toBe(
      '已删除录入的 2027 年节假日安排。已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算，发布通知后用 gongkai holidays add 录入。\n',
    );
    const gone = await run(['holidays', 'remove', '2027']);
    expect([gone.code, gone.stderr]).toEqual([2, 'gongkai: 错误：没有录入 2027 年的节假日安排\n']);
  });

  it('reads the notice itself, as a web page or as text, and refuses one that does not hold', async () => {
    const notice = writeNotice(sample2027, {
      weekdays: '周',
      flat: false,
      fullWidthDigits: false,
      chineseSignature: false,
    });
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body><div class="nav">首页 &gt; 政策</div>${notice
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</body></html>`;
    const dir = tempFiles({
      'notice.html': page,
      'wrong.txt': notice.replace('共9天', '共8天'),
    });
    expect(await ok(['holidays', 'add', '--from', join(dir, 'notice.html'), '--dry-run'])).toBe(
      '读出 2027 年的节假日安排（国办发明电〔2026〕1号，2026-11-10），未录入：\n  元旦 2027-01-01 至 2027-01-03 放假\n  春节 2027-02-06 至 2027-02-14 放假，2027-02-20 上班\n',
    );
    expect((await ok(['holidays', 'list', '--json'])).includes('"year":2027')).toBe(false);
    expect(await ok(['holidays', 'add', '--from', join(dir, 'notice.html')])).toBe(
      '已录入 2027 年的节假日安排（国办发明电〔2026〕1号，2026-11-10）：\n  元旦 2027-01-01 至 2027-01-03 放假\n  春节 2027-02-06 至 2027-02-14 放假，2027-02-20 上班\n',
    );
    expect(await ok(['holidays', 'add', '--from', '-'], notice)).toContain('已录入 2027 年的节假日安排');
    const wrong = await run(['holidays', 'add', '--from', join(dir, 'wrong.txt')]);
    expect([wrong.code, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toBe(
      `gongkai: 错误：${join(dir, 'wrong.txt')} 不能读成节假日安排的通知：\n  春节：按日期放假 9 天（2027-02-06 至 2027-02-14），通知写「共8天」\n`,
    );
  });

  it('serve reminds, from two months before the table runs out, to enter the next year', async () => {
    const store = await openStore(target().options);
    try {
      expect(await holidayReminder(store, '2026-10-22')).toBeNull();
      expect(await holidayReminder(store, '2026-10-23')).toBe(
        '提示：节假日安排只到 2026 年，2026-12-23 以后的答复期限无法计算。2027 年的安排（国务院办公厅的通知）发布后，请管理员在网页「节假日安排」中录入，或用 gongkai holidays add --from 通知.html 录入。',
      );
      await store.holidays.put({ userId: null }, sample2027);
      expect(await holidayReminder(store, '2026-12-05')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('enters a year from a JSON file in the API’s shape, or from standard input', async () => {
    const body = {
      year: 2027,
      notice: { number: '国办发明电〔2026〕1号', date: '2026-11-10' },
      festivals: [{ name: '元旦', off: ['2027-01-01', '2027-01-01'], work: [] }],
    };
    const dir = tempFiles({ '2027.json': JSON.stringify(body), 'bad.json': '{"year": 2027,' });
    expect(await ok(['holidays', 'add', '--file', join(dir, '2027.json')])).toBe(
      '已录入 2027 年的节假日安排（国办发明电〔2026〕1号，2026-11-10）：\n  元旦 2027-01-01 放假\n',
    );
    const json = JSON.parse(await ok(['holidays', 'add', '--file', '-', '--json'], JSON.stringify(body)));
    expect([json.year, json.source, json.festivals]).toEqual([2027, 'entered', body.festivals]);
    const bad = await run(['holidays', 'add', '--file', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gongkai: 错误：.*bad\.json 不是有效的 JSON：/);
    const missing = await run(['holidays', 'add', '--file', join(dir, 'none.json')]);
    expect(missing.stderr).toMatch(/none\.json：文件不存在\n$/);
    const table = JSON.parse(await ok(['holidays', 'list', '--json']));
    expect([table.nextYear, table.coveredThrough]).toEqual([2028, '2027-12-23']);
  });
});
