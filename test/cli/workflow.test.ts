/**
 * The register commands on both backends: agencies, users, applications and their events, cases,
 * table 二, due and compile, run in-process against a fresh store named by GONGKAI_DATA or
 * DATABASE_URL. They go through the API's services, as the actor `cli` in the audit log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password.js';
import type { Report } from '../../src/core/report.js';
import { openStore } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { ok, run, tempFiles, useFreshStore } from './helpers.js';

describeEachBackend('register commands', (backend) => {
  const target = useFreshStore(backend);

  it('enters a year of records and compiles the report', async () => {
    expect(await ok(['agencies', 'add', '--name', '丁县人民政府办公室', '--id', 'ding'])).toBe(
      '已登记机关 ding：丁县人民政府办公室\n',
    );
    expect(
      await ok(
        ['users', 'add', '--admin', '--agency', 'ding', '--username', 'admin', '--password-stdin'],
        'secret-pass-1\n',
      ),
    ).toBe('已创建用户 admin（管理员，机关 ding）\n');
    expect(
      await ok([
        'users',
        'add',
        '--role',
        'supervisor',
        '--supervises',
        'ding',
        '--username',
        'sup',
        '--password',
        'secret-pass-2',
      ]),
    ).toBe('已创建用户 sup（监督，监督 ding）\n');
    expect(await ok(['users', 'list'])).toBe(
      '用户名\t角色\t机关（监督角色：监督的机关）\t姓名\t状态\nadmin\t管理员\tding\tadmin\t正常\nsup\t监督\tding\tsup\t正常\n',
    );
    expect(
      await ok(['users', 'add', '--role', 'evaluator', '--username', 'eval', '--password', 'secret-pass-3']),
    ).toBe('已创建用户 eval（评估，可查看整个报告库）\n');

    await ok([
      'applications',
      'add',
      '--applicant',
      'np',
      '--channel',
      'inPerson',
      '--submitted',
      '2024-05-06',
      '--id',
      'r1',
      '--request',
      '某项目审批文件',
    ]);
    await ok([
      'applications',
      'add',
      '--agency',
      '丁县人民政府办公室',
      '--applicant',
      'biz',
      '--channel',
      'post',
      '--submitted',
      '2024-05-15',
      '--signed-for',
      '2024-05-20',
      '--id',
      'r2',
    ]);
    await ok([
      'applications',
      'add',
      '--applicant',
      'law',
      '--channel',
      'online',
      '--submitted',
      '2024-12-20',
      '--confirmed',
      '2024-12-23',
      '--id',
      'r3',
    ]);
    expect(
      await ok([
        'applications',
        'event',
        'r1',
        '--type',
        'replied',
        '--on',
        '2024-05-30',
        '--outcome',
        'open',
      ]),
    ).toBe('已记录 r1\t2024-05-06\t已答复\t答复期限 2024-05-31\n');
    await ok([
      'applications',
      'event',
      'r2',
      '--type',
      'consultationSent',
      '--on',
      '2024-05-22',
      '--party',
      'thirdParty',
    ]);
    await ok([
      'applications',
      'event',
      'r2',
      '--type',
      'consultationAnswered',
      '--on',
      '2024-06-03',
      '--party',
      'thirdParty',
    ]);
    await ok([
      'applications',
      'event',
      'r2',
      '--type',
      'feeNotified',
      '--on',
      '2024-06-04',
      '--method',
      'perPage',
      '--quantity',
      '120',
      '--amount',
      '1100',
    ]);
    await ok(['applications', 'event', 'r2', '--type', 'feePaid', '--on', '2024-06-06']);
    await ok([
      'applications',
      'event',
      'r2',
      '--type',
      'replied',
      '--on',
      '2024-06-20',
      '--outcome',
      'deny.thirdParty',
    ]);
    await ok([
      'cases',
      'add',
      '--kind',
      'review',
      '--filed',
      '2024-07-01',
      '--decided',
      '2024-09-01',
      '--outcome',
      'upheld',
      '--application',
      'r2',
      '--id',
      'k1',
    ]);
    await ok(['cases', 'add', '--kind', 'direct', '--filed', '2024-11-01', '--id', 'k2']);
    expect(
      await ok([
        'proactive',
        'set',
        '--year',
        '2024',
        'p.rules.issued=1',
        'p.license.decisions=40',
        'p.fees.amount=0.11',
      ]),
    ).toBe('已填写 丁县人民政府办公室 2024 年度表二 3 项\n');

    expect(await ok(['applications', 'list', '--as-of', '2024-12-31'])).toBe(
      [
        '机关：丁县人民政府办公室（ding）',
        '编号\t收到日期\t状态\t答复期限',
        'r1\t2024-05-06\t已答复\t答复期限 2024-05-31',
        'r2\t2024-05-20\t已答复\t答复期限 2024-07-02',
        'r3\t2024-12-23\t办理中\t答复期限 2025-01-21',
        '共 3 件',
        '',
      ].join('\n'),
    );
    expect(await ok(['due', '--as-of', '2025-01-16'])).toBe(
      [
        '机关：全部',
        '截至 2025-01-16：',
        '已超期 0 件',
        '5 个工作日内到期 1 件',
        '  r3\tding\t法律服务机构\t收到 2024-12-23\t答复期限 2025-01-21',
        '',
      ].join('\n'),
    );
    expect((await ok(['due', '--agency', 'ding', '--as-of', '2025-01-22'])).split('\n').slice(0, 3)).toEqual([
      '机关：丁县人民政府办公室（ding）',
      '截至 2025-01-22：',
      '已超期 1 件',
    ]);
    expect(await ok(['agencies', 'list'])).toBe('编号\t名称\nding\t丁县人民政府办公室\n');
    expect(await ok(['due', '--agency', 'ding', '--as-of', '2025-01-22', '--json'])).toMatch(
      /"overdue":\[\{"id":"[^"]+","agencyId":"ding","number":"r3"/,
    );

    // Four figures of table 二 were not given: checking the output finds them blank, and says so.
    const blanks = (name: string, lines: string[]) => [
      `${name}:${lines[0]}: warning assemble.blank-cell 「规章」有 2 个单元格空白，记为空值`,
      `${name}:${lines[1]}: warning assemble.blank-cell 「行政规范性文件」没有填写数字，3 个单元格记为空值`,
      `${name}:${lines[2]}: warning assemble.blank-cell 「行政处罚」没有填写数字，1 个单元格记为空值`,
      `${name}:${lines[3]}: warning assemble.blank-cell 「行政强制」没有填写数字，1 个单元格记为空值`,
    ];
    // The parts the records can't tell are left 【待补充】: an error until the office writes them.
    const placeholder = (at: string, text: string) =>
      `丁县人民政府办公室-2024.md:${at}: error check.placeholder 报告中留有未填写的占位文字「【待补充：${text}】」`;
    const drafted = await run(['compile', '--agency', 'ding', '--year', '2024']);
    expect(drafted.stderr.split('\n')).toEqual([
      placeholder('15:1', '主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。'),
      placeholder(
        '21:1',
        '表中尚缺「规章·本年废止件数」、「规章·现行有效件数」、「行政规范性文件·本年制发件数」、「行政规范性文件·本年废止件数」、「行政规范性文件·现行有效件数」、「行政处罚·本年处理决定数量」、「行政强制·本年处理决定数量」等数据。',
      ),
      ...blanks('丁县人民政府办公室-2024.md', ['27:8', '28:3', '40:3', '41:3']),
      placeholder('97:1', '存在的主要问题及改进措施。'),
      placeholder('103:1', '其他需要报告的事项；没有的可删去本句。'),
      '',
    ]);
    expect(drafted.code).toBe(1);
    // --prose: the office's text of parts 一, 二, 五 and 六 (as many paragraphs as drafted before the
    // tables, so the blank cells are on the same lines).
    const proseDir = tempFiles({
      'prose.json': JSON.stringify({
        '1': '2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n\n坚持以公开为常态、不公开为例外。\n持续加强政府信息管理和平台建设。',
        '2': '本年度主动公开政府信息情况见下表。\n表中空白的数据尚在统计。',
        '5': '政府信息公开栏目更新还不够及时。下一步将加强栏目维护。',
        '6': '本年度没有其他需要报告的事项。',
      }),
      'unknown.json': JSON.stringify({ '7': '第七部分', '5': ' ' }),
      'broken.json': '{"5": ',
    });
    const proseFile = join(proseDir, 'prose.json');
    const compiledJson = await run(['compile', '--agency', 'ding', '--year', '2024', '--prose', proseFile]);
    expect(compiledJson.stderr.split('\n')).toEqual([
      ...blanks('丁县人民政府办公室-2024.md', ['27:8', '28:3', '40:3', '41:3']),
      '',
    ]);
    expect(compiledJson.code).toBe(0);
    const report = JSON.parse(compiledJson.stdout) as Report;
    expect(report.sections.map((s) => s.text.split('\n').length)).toEqual([3, 2, 3, 1, 1, 1]);
    expect(report.sections[4]?.text).toBe('政府信息公开栏目更新还不够及时。下一步将加强栏目维护。');
    expect(await run(['compile', '--year', '2024', '--prose', join(proseDir, 'unknown.json')])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'gongkai: 错误：输入有误：「--prose 中的 5」：正文不能为空；要用生成的默认文字，省略这一部分即可；「--prose」中有未知的字段：7（部分序号应为 1、2、3、4、5、6）\n',
    });
    expect(await run(['compile', '--year', '2024', '--prose', join(proseDir, 'broken.json')])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^.*broken\.json: 错误：--prose 文件有误：不是有效的 JSON（.*），应为如 \{"5": "……"\} 的 JSON 对象\n$/,
      ),
    });
    expect(await run(['compile', '--year', '2024', '--prose', join(proseDir, 'none.json')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${join(proseDir, 'none.json')}: 错误：--prose 文件有误：文件不存在\n`,
    });
    expect(report.agency).toBe('丁县人民政府办公室');
    expect(report.signedOn).toBe(null);
    expect(report.publishedOn).toBe(null);
    expect(report.cells['a.new.total']).toBe(3);
    expect(report.cells['a.open.np']).toBe(1);
    expect(report.cells['a.deny.thirdParty.biz']).toBe(1);
    expect(report.cells['a.next.law']).toBe(1);
    expect(report.cells['l.review.upheld']).toBe(1);
    expect(report.cells['l.direct.pending']).toBe(1);
    expect(report.cells['p.license.decisions']).toBe(40);

    // Each target: compile reports exactly what `gongkai check` finds in the file it wrote, and the
    // signature and publication dates read back from it.
    const dir = tempFiles({});
    const signed = ['--signed-on', '2025-01-20', '--published-on', '2025-01-24', '--prose', proseFile];
    for (const to of ['md', 'html', 'txt', 'docx', 'pdf']) {
      const file = join(dir, `r.${to}`);
      const compiled = await run(['compile', '--year', '2024', '--to', to, '-o', file, ...signed]);
      const checked = await run(['check', file]);
      expect(compiled.stderr.split('\n'), to).toEqual(checked.stdout.split('\n').slice(0, -2).concat(''));
      expect(compiled.code, to).toBe(checked.code);
      const parsed = JSON.parse((await run(['parse', file, '--json'])).stdout) as Report;
      expect([parsed.signedOn, parsed.publishedOn], to).toEqual(['2025-01-20', '2025-01-24']);
    }
    expect((await run(['check', join(dir, 'r.md')])).stdout.split('\n')).toEqual([
      ...blanks(join(dir, 'r.md'), ['29:8', '30:3', '42:3', '43:3']),
      '共 1 个文件：0 个错误，4 个警告，0 条提示',
      '',
    ]);
    const md = readFileSync(join(dir, 'r.md'), 'utf8').split('\n');
    expect(md[0]).toBe('# 丁县人民政府办公室2024年政府信息公开工作年度报告');
    expect(md.slice(-4)).toEqual(['丁县人民政府办公室', '', '2025年1月20日', '']);
    // The PDF's tables are ruled grids: its blank cells read back as exactly as the Markdown's.
    const pdf = await run([
      'compile',
      '--year',
      '2024',
      '--to',
      'pdf',
      '-o',
      join(dir, 'r.pdf'),
      '--prose',
      proseFile,
    ]);
    expect(pdf.code).toBe(0);
    expect(pdf.stderr.split('\n')).toEqual([
      ...blanks(join(dir, 'r.pdf'), ['16:34', '17:2', '23:2', '24:2']),
      '',
    ]);
    expect(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await run(['compile', '--year', '2024', '--signed-on', '2024-12-31'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：输入有误：「--signed-on」：成文日期应在报告年度结束（2024-12-31）之后\n',
    });

    const store = await openStore(target().options);
    try {
      const audit = await store.audit.list();
      expect(new Set(audit.map((a) => a.userId))).toEqual(new Set(['cli']));
      expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual([
        'create agency',
        'create user',
        'create user',
        'supervise user',
        'create user',
        'create application',
        'create application',
        'create application',
        ...Array(6).fill('event application'),
        'create case',
        'create case',
        'set proactive_figures',
      ]);
      const admin = await store.users.credentials('admin');
      expect(await verifyPassword('secret-pass-1', admin?.passwordHash ?? '')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses impossible records and unknown agencies with a Chinese message and exit code 2', async () => {
    await ok(['agencies', 'add', '--name', '戊县人民政府办公室', '--id', 'wu']);
    await ok([
      'applications',
      'add',
      '--applicant',
      'np',
      '--channel',
      'inPerson',
      '--submitted',
      '2024-05-06',
      '--id',
      'r1',
    ]);
    expect(
      await run([
        'applications',
        'event',
        'r1',
        '--type',
        'replied',
        '--on',
        '2024-05-01',
        '--outcome',
        'open',
      ]),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：记录不符合办理规则：答复日期 2024-05-01 早于收到申请之日 2024-05-06\n',
    });
    expect(
      await run([
        'applications',
        'event',
        'r1',
        '--type',
        'replied',
        '--on',
        '2024-02-30',
        '--outcome',
        'open',
      ]),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：输入有误：「--on」：不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）\n',
    });
    expect(await run(['applications', 'event', 'nope', '--type', 'corrected', '--on', '2024-05-07'])).toEqual(
      {
        code: 2,
        stdout: '',
        stderr: 'gongkai: 错误：申请「nope」不存在或无权查看\n',
      },
    );
    expect(await run(['compile', '--agency', '己县', '--year', '2024'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：机关「己县」不存在或无权查看\n',
    });
    expect(await run(['users', 'add', '--username', 'xu', '--password', 'short'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：输入有误：「--password」太短（至少 10 个字符）\n',
    });
    expect(await run(['proactive', 'set', '--year', '2024', 'p.rules.issued=-1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：输入有误：表二「p.rules.issued」不能为负数\n',
    });
  });
});
