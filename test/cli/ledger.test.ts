/** `gongkai applications export`: the 办理台账 as CSV on standard output or XLSX into a file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../store/backends.js';
import { ok, run, tempFiles, useFreshStore } from './helpers.js';

describeEachBackend('gongkai applications export', (backend) => {
  useFreshStore(backend);

  it('writes the ledger as CSV or XLSX, and refuses XLSX on standard output', async () => {
    await ok(['agencies', 'add', '--name', '某某县人民政府办公室', '--id', 'a1']);
    await ok([
      'applications',
      'add',
      '--applicant',
      'np',
      '--applicant-name',
      '张三',
      '--channel',
      'inPerson',
      '--submitted',
      '2024-05-06',
      '--request',
      '某路段改造工程的环境影响评价文件',
    ]);
    await ok([
      'applications',
      'event',
      '2024-001',
      '--type',
      'replied',
      '--on',
      '2024-05-30',
      '--outcome',
      'open',
    ]);
    const csv = await ok(['applications', 'export', '--to', 'csv', '--as-of', '2024-06-03']);
    expect(csv.split('\r\n').slice(1)).toEqual([
      '2024-001,某某县人民政府办公室,张三,自然人,,当面提交,2024-05-06,2024-05-06,某路段改造工程的环境影响评价文件,,2024-05-30 答复（（一）予以公开）,,,已答复,,2024-05-30,（一）予以公开,否',
      '',
    ]);
    const file = join(tempFiles({}), '台账.xlsx');
    const written = await run(['applications', 'export', '--year', '2024', '-o', file]);
    expect(written).toEqual({ code: 0, stdout: '', stderr: `已导出 1 件申请到 ${file}\n` });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const binary = await run(['applications', 'export']);
    expect(binary).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：XLSX 是二进制格式，请用 -o 指定输出文件（或 --to csv）\n',
    });
  });
});
