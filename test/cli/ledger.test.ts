/**
 * `gongkai applications export|import` and `gongkai cases export|import`: the register's ledgers as
 * CSV on standard output or XLSX into a file, and read back.
 */
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

  it('imports a ledger into an agency, or says which rows are wrong and stores none', async () => {
    await ok(['agencies', 'add', '--name', '甲', '--id', 'a1']);
    await ok(['agencies', 'add', '--name', '乙', '--id', 'a2']);
    const dir = tempFiles({
      'good.csv':
        'applicant,channel,submittedOn,receivedOn,repliedOn,outcome\nnp,当面提交,2024-05-06,,2024-05-30,open\nbiz,传真,2024-05-07,2024-05-08,,\n',
      'bad.csv': 'applicant,channel,submittedOn\nnp,当面提交,2024-05-06\nxx,当面提交,2024-05-06\n',
      // Values past the API's limits, named by the columns they were read from.
      'limits.csv': `申请人类型,申请人,提交渠道,提交日期,收到日期\n自然人,${'张'.repeat(201)},当面提交,2024-05-06,\n自然人,李四,邮寄,2024-05-06,2100-01-04\n`,
    });
    const checked = await run([
      'applications',
      'import',
      join(dir, 'good.csv'),
      '--agency',
      'a2',
      '--dry-run',
    ]);
    expect(checked).toEqual({ code: 0, stdout: '共 2 件，检查无误（未保存）\n', stderr: '' });
    const stored = await run(['applications', 'import', join(dir, 'good.csv'), '--agency', 'a2']);
    expect(stored).toEqual({ code: 0, stdout: '已导入 2 件申请：2024-001、2024-002\n', stderr: '' });
    const bad = await run(['applications', 'import', join(dir, 'bad.csv'), '--agency', 'a1']);
    expect(bad).toEqual({
      code: 1,
      stdout: '共 2 件，1 件有问题，未导入（改正后重新导入）\n',
      stderr: `${join(dir, 'bad.csv')}:3: 错误：申请人类型「xx」不是可选的值（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）\n`,
    });
    const limits = await run(['applications', 'import', join(dir, 'limits.csv'), '--agency', 'a1']);
    expect(limits).toEqual({
      code: 1,
      stdout: '共 2 件，2 件有问题，未导入（改正后重新导入）\n',
      stderr: [
        `${join(dir, 'limits.csv')}:2: 错误：「申请人」太长（至多 200 个字符）`,
        `${join(dir, 'limits.csv')}:3: 错误：「收到日期」：日期应在 2000-01-01 至 2099-12-31 之间`,
        '',
      ].join('\n'),
    });
    const missing = await run(['applications', 'import', join(dir, 'none.csv'), '--agency', 'a1']);
    expect(missing.code).toBe(2);
  });
});

describeEachBackend('gongkai cases export and import', (backend) => {
  useFreshStore(backend);

  it('writes the 复议诉讼台账, and reads one into another agency or names each wrong row', async () => {
    await ok(['agencies', 'add', '--name', '甲', '--id', 'a1']);
    await ok(['agencies', 'add', '--name', '乙', '--id', 'a2']);
    expect(await ok(['cases', 'add', '--agency', 'a1', '--kind', 'review', '--filed', '2024-03-01'])).toBe(
      '已登记案件 2024-001（2024-03-01，尚未审结）\n',
    );
    const decided = await ok([
      'cases',
      'add',
      '--agency',
      'a1',
      '--kind',
      'afterReview',
      '--filed',
      '2024-04-02',
      '--decided',
      '2024-06-28',
      '--outcome',
      'corrected',
    ]);
    // The result by the name table 四 gives it, not its code.
    expect(decided).toBe('已登记案件 2024-002（2024-04-02，结果纠正）\n');
    const csv = await ok(['cases', 'export', '--agency', 'a1', '--to', 'csv']);
    expect(csv.split('\r\n')).toEqual([
      '\ufeffnumber,agency,kind,filedOn,decidedOn,outcome,applicationNumber',
      '2024-001,甲,行政复议,2024-03-01,,尚未审结,',
      '2024-002,甲,复议后起诉,2024-04-02,2024-06-28,结果纠正,',
      '',
    ]);
    const dir = tempFiles({
      'cases.csv': csv,
      'bad.csv':
        '案件类型,收案日期,审结日期,结果\n复议,2024-05-06,,\n行政复议,2024-05-06,2024-05-01,结果维持\n' +
        '行政复议,1999-12-31,,\n行政复议,2024-05-06,2100-01-04,结果维持\n',
    });
    const file = join(dir, '复议诉讼台账.xlsx');
    expect(await run(['cases', 'export', '--year', '2024', '-o', file])).toEqual({
      code: 0,
      stdout: '',
      stderr: `已导出 2 件案件到 ${file}\n`,
    });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect((await run(['cases', 'export'])).code).toBe(2);

    const checked = await run(['cases', 'import', file, '--agency', 'a2', '--dry-run']);
    expect(checked).toEqual({ code: 0, stdout: '共 2 件，检查无误（未保存）\n', stderr: '' });
    const stored = await run(['cases', 'import', join(dir, 'cases.csv'), '--agency', 'a2']);
    expect(stored).toEqual({ code: 0, stdout: '已导入 2 件案件：2024-001、2024-002\n', stderr: '' });
    const again = await ok(['cases', 'export', '--agency', 'a2', '--to', 'csv']);
    expect(again).toBe(csv.replaceAll(',甲,', ',乙,'));
    const bad = await run(['cases', 'import', join(dir, 'bad.csv'), '--agency', 'a1']);
    expect(bad).toEqual({
      code: 1,
      stdout: '共 4 件，3 件有问题，未导入（改正后重新导入）\n',
      stderr: [
        `${join(dir, 'bad.csv')}:3: 错误：审结日期 2024-05-01 早于收案日期 2024-05-06`,
        // The API's limits name the column, as the file's heading has it.
        `${join(dir, 'bad.csv')}:4: 错误：「收案日期」：日期应在 2000-01-01 至 2099-12-31 之间`,
        `${join(dir, 'bad.csv')}:5: 错误：「审结日期」：日期应在 2000-01-01 至 2099-12-31 之间`,
        '',
      ].join('\n'),
    });
    const missing = await run(['cases', 'import', join(dir, 'none.csv'), '--agency', 'a1']);
    expect(missing.code).toBe(2);
  });
});
