/**
 * `gongkai corpus letters`: 核查意见 over the corpus — a batch as a ZIP of the letters with something
 * to say (or all), one report's as a document, and the usage errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { example, exampleWithDefects, root, run } from '../cli/helpers.js';
import { cliCorpus, storeBody, tempDir } from './helpers.js';

describe('gongkai corpus letters', () => {
  const corpus = cliCorpus(async (store) => {
    await ingestPaths(store, [join(root, example), join(root, exampleWithDefects)]);
    const rows = await store.db.selectFrom('corpus_reports').select(['id', 'file']).execute();
    return new Map(rows.map((r) => [r.file.includes('湟源') ? 'defects' : 'clean', Number(r.id)]));
  });
  const zipOf = (path: string) =>
    Object.fromEntries(Object.entries(unzipSync(readFileSync(path))).map(([n, d]) => [n, strFromU8(d)]));

  it('writes a ZIP of the letters with something to say, and says what it left out', async () => {
    const out = join(corpus.dir, 'letters.zip');
    const result = await run(['corpus', 'letters', '--to', 'md', '--today', '2022-03-01', '-o', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(
      `已生成 1 份核查意见（其中 0 份有错误）到 ${out}；1 份报告按时发布且未发现问题，未生成（--all 全部生成）\n`,
    );
    const files = zipOf(out);
    expect(Object.keys(files)).toEqual(['核查意见清单.csv', '湟源县人民政府办公室2021年度报告核查意见.md']);
    // The list: the file, whom and which year it is about, and what it says.
    expect(files['核查意见清单.csv']?.split('\r\n').slice(0, 2)).toEqual([
      // (The decoder drops the BOM the file starts with, as Excel wants.)
      'file,agency,year,version,publication,daysLate,errors,toVerify,unread,reportId',
      `湟源县人民政府办公室2021年度报告核查意见.md,湟源县人民政府办公室,2021,1,onTime,,0,4,0,${corpus.value.get('defects')}`,
    ]);
    const letter = files['湟源县人民政府办公室2021年度报告核查意见.md'] as string;
    expect([...(unzipSync(readFileSync(out))['核查意见清单.csv'] as Uint8Array).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
    expect(letter.split('\n').filter((l) => l.startsWith('#') || l.startsWith('| 3 |'))).toEqual([
      '# 关于湟源县人民政府办公室2021年政府信息公开工作年度报告的核查意见',
      '## 一、发布情况',
      '## 二、需要核实的问题',
      '| 3 | 表格标签用语不规范 | 表二「第二十条第（一）项/规章」行「本年制发件数」列、表二「第二十条第（一）项/行政规范性文件」行「本年制发件数」列 | 表格标签「本年发件数」与规定格式不一致，应为「本年制发件数」 |',
      '## 三、整改要求',
    ]);
    expect(letter).toContain('于2022年3月1日自动核查生成');

    const all = join(corpus.dir, 'all.zip');
    const everyOne = await run(['corpus', 'letters', '--all', '--region', '嘉祥县', '-o', all]);
    expect(everyOne.stderr).toBe(`已生成 1 份核查意见（其中 0 份有错误）到 ${all}\n`);
    const docx = unzipSync(readFileSync(all));
    expect(Object.keys(docx)).toEqual(['核查意见清单.csv', '嘉祥县工业和信息化局2021年度报告核查意见.docx']);
    expect(
      strFromU8(docx['嘉祥县工业和信息化局2021年度报告核查意见.docx']?.subarray(0, 2) as Uint8Array),
    ).toBe('PK');
  });

  it('writes one report’s letter as a document (--report), Markdown to standard output', async () => {
    const id = String(corpus.value.get('clean'));
    const result = await run([
      'corpus',
      'letters',
      '--report',
      id,
      '--to',
      'md',
      '--today',
      '2022-03-01',
      '--issuer',
      '济宁市人民政府办公室',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# 关于嘉祥县工业和信息化局2021年政府信息公开工作年度报告的核查意见',
      '## 一、发布情况',
      '## 二、核查结果',
    ]);
    // Signed by the issuer given, dated the day.
    expect(result.stdout).toContain('\n济宁市人民政府办公室\n\n2022年3月1日\n');
    const out = join(corpus.dir, 'one.docx');
    const file = await run(['corpus', 'letters', '--report', id, '-o', out]);
    expect(file.stderr).toBe(`已生成嘉祥县工业和信息化局2021年度报告的核查意见到 ${out}\n`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad report number, an unknown report, a bad format or day with exit 2', async () => {
    const refusals = [];
    for (const args of [
      ['--report', 'abc'],
      ['--report', '99999', '--to', 'md'],
      ['--report', '1', '--year', '2021', '--all'],
      ['--to', 'pdf', '-o', join(corpus.dir, 'x.zip')],
      ['--today', '2022-13-01', '-o', join(corpus.dir, 'x.zip')],
    ])
      refusals.push(await run(['corpus', 'letters', ...args]));
    expect(refusals.map((r) => [r.code, r.stderr])).toEqual([
      [2, 'gongkai: 错误：报告编号「abc」无效，应为数字（见 corpus bodies show）\n'],
      [2, 'gongkai: 错误：报告库中没有编号为 99999 的报告\n'],
      [2, 'gongkai: 错误：--report 只生成一份报告的核查意见，不能与 --year、--all 同时使用\n'],
      [2, 'gongkai: 错误：导出格式「pdf」无效，应为 docx 或 md\n'],
      [2, 'gongkai: 错误：日期「2022-13-01」无效，应为 YYYY-MM-DD\n'],
    ]);
  });
});

describe('gongkai corpus reminders', () => {
  const corpus = cliCorpus((store) =>
    ingestPaths(store, [join(root, example), join(root, exampleWithDefects)]),
  );

  it('writes a ZIP of reminders to the bodies overdue for the year, or says there are none', async () => {
    const out = join(corpus.dir, 'reminders.zip');
    const result = await run([
      'corpus',
      'reminders',
      '--year',
      '2022',
      '--today',
      '2023-05-01',
      '--to',
      'md',
      '-o',
      out,
    ]);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      0,
      '',
      `已生成 2 份催报提醒（逾期未发布 2022 年度报告的机关）到 ${out}\n`,
    ]);
    const files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(out))).map(([n, d]) => [n, strFromU8(d)]),
    );
    expect(Object.keys(files).sort()).toEqual([
      '催报提醒清单.csv',
      '嘉祥县工业和信息化局2022年度报告催报提醒.md',
      '湟源县人民政府办公室2022年度报告催报提醒.md',
    ]);
    expect(files['嘉祥县工业和信息化局2022年度报告催报提醒.md']).toContain(
      '截至2023年5月1日，报告库中没有你单位2022年度的报告，已超过期限（2023年1月31日）90天。',
    );
    const none = await run(['corpus', 'reminders', '--year', '2021', '--today', '2022-03-01', '-o', out]);
    expect([none.code, none.stderr]).toEqual([
      0,
      '截至 2022-03-01 没有逾期未发布 2021 年度报告的机关，未生成催报提醒\n',
    ]);
    const bad = await run(['corpus', 'reminders', '--to', 'pdf', '-o', out]);
    expect([bad.code, bad.stderr]).toEqual([2, 'gongkai: 错误：导出格式「pdf」无效，应为 docx 或 md\n']);
  });
});

describe('progress of the cross-report checks', () => {
  const corpus = cliCorpus(async (store) => {
    for (let i = 0; i < 21; i++) await storeBody(store, { id: `b${i}`, name: `某县第${i}局` });
  });

  it('draws a bar of the bodies checked on a terminal (corpus check, corpus letters)', async () => {
    const check = await run(['corpus', 'check'], { stderrIsTTY: true });
    expect(check.stderr).toContain('核查中');
    expect(check.stderr).toContain('21/21 个机关');
    const out = join(corpus.dir, 'none.zip');
    const letters = await run(['corpus', 'letters', '-o', out], { stderrIsTTY: true });
    expect(letters.stderr).toContain('21/21 个机关');
    // No report, no letter: no file either.
    expect(letters.stderr.endsWith('没有要生成的核查意见：范围内没有报告\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
    // Not on a file or pipe.
    expect((await run(['corpus', 'check'])).stderr).toBe('');
  });
});

describe('gongkai check --letter', () => {
  it('writes the 核查意见 of the one report checked, Markdown by the name, DOCX otherwise', async () => {
    const dir = tempDir();
    try {
      const md = join(dir.dir, '意见.md');
      const result = await run(['check', exampleWithDefects, '--no-source', '--letter', md]);
      expect([result.code, result.stderr]).toEqual([0, `已生成核查意见到 ${md}\n`]);
      expect(result.stdout.endsWith('共 1 个文件：0 个错误，4 个警告，0 条提示\n')).toBe(true);
      const text = readFileSync(md, 'utf8');
      expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual([
        '# 关于湟源县人民政府办公室2021年政府信息公开工作年度报告的核查意见',
        '## 一、发布情况',
        '## 二、需要核实的问题',
        '## 三、整改要求',
      ]);
      expect(text).toContain('（以上意见按报告文件（湟源县人民政府办公室-2021.txt）于');
      const docx = join(dir.dir, '意见.docx');
      expect((await run(['check', example, '--letter', docx])).code).toBe(0);
      expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
      const two = await run(['check', example, exampleWithDefects, '--letter', docx]);
      expect([two.code, two.stderr, two.stdout]).toEqual([
        2,
        'gongkai: 错误：--letter 只用于一个报告文件\n',
        '',
      ]);
    } finally {
      dir.dispose();
    }
  });
});
