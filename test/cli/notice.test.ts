/** `gongkai applications notice`: an event's document as Markdown or DOCX; events without one refused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../store/backends.js';
import { ok, run, tempFiles, useFreshStore } from './helpers.js';

describeEachBackend('gongkai applications notice', (backend) => {
  useFreshStore(backend);

  it('drafts the 补正通知书 and the 答复书 of an application, and says when an event sends none', async () => {
    await ok(['agencies', 'add', '--name', '某某县人民政府办公室', '--id', 'a1']);
    await ok([
      'applications',
      'add',
      '--applicant',
      'np',
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
      'correctionRequested',
      '--on',
      '2024-05-08',
      '--correct-by',
      '2024-05-20',
    ]);
    await ok(['applications', 'event', '2024-001', '--type', 'corrected', '--on', '2024-05-15']);
    await ok([
      'applications',
      'event',
      '2024-001',
      '--type',
      'replied',
      '--on',
      '2024-05-30',
      '--outcome',
      'none.notHeld',
    ]);
    const correction = await ok(['applications', 'notice', '2024-001', '--event', '1', '--to', 'md']);
    expect(correction.split('\n\n').slice(0, 2)).toEqual([
      '# 政府信息公开申请补正通知书',
      '【待补充：申请人姓名或名称】：',
    ]);
    expect(correction).toContain('请你于2024年5月20日前对上述事项作出补正。');
    expect(correction).toContain('某某县人民政府办公室\n\n2024年5月8日');
    const reply = await ok(['applications', 'notice', '2024-001', '--event', '3', '--to', 'md']);
    expect(reply).toContain(
      '第三十六条第（四）项的规定，现答复如下：\n\n经检索，本机关没有你申请公开的政府信息，该政府信息不存在。',
    );
    const file = join(tempFiles({}), '答复书.docx');
    const written = await run(['applications', 'notice', '2024-001', '--event', '3', '-o', file]);
    expect(written).toEqual({ code: 0, stdout: '', stderr: `已生成 ${file}\n` });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const none = await run(['applications', 'notice', '2024-001', '--event', '2']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('gongkai: 错误：「收到补正」不需要向申请人或第三方发出文书\n');
  });

  it('records the applicant’s name and contact with `add` and `edit`, and addresses the notice to them', async () => {
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
    ]);
    const edited = await ok([
      'applications',
      'edit',
      '2024-001',
      '--applicant-name',
      '张三丰',
      '--contact',
      '13800000000',
      '--delivery',
      '电子邮件',
      '--json',
    ]);
    const view = JSON.parse(edited) as Record<string, unknown>;
    expect([view.applicantName, view.applicantContact, view.delivery]).toEqual([
      '张三丰',
      '13800000000',
      '电子邮件',
    ]);
    await ok([
      'applications',
      'event',
      '2024-001',
      '--type',
      'correctionRequested',
      '--on',
      '2024-05-08',
      '--correct-by',
      '2024-05-20',
    ]);
    const notice = await ok(['applications', 'notice', '2024-001', '--event', '1', '--to', 'md']);
    expect(notice.split('\n\n')[1]).toBe('张三丰：');
    const nothing = await run(['applications', 'edit', '2024-001']);
    expect(nothing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'gongkai: 错误：没有要修改的内容：请至少给出一项（--applicant-name、--contact、--delivery、--request、--applicant、--channel、--submitted、--signed-for、--confirmed）\n',
    });
    const late = await run(['applications', 'edit', '2024-001', '--submitted', '2024-05-09']);
    expect(late.code).toBe(2);
    expect(late.stderr).toBe(
      'gongkai: 错误：记录不符合办理规则：补正通知日期 2024-05-08 早于收到申请之日 2024-05-09\n',
    );
  });
});
