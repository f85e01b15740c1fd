/** `gongkai audit`: the whole log, newest first, in Chinese; filters; JSON lines. */
import { expect, it } from 'vitest';
import { describeEachBackend } from '../store/backends.js';
import { ok, run, useFreshStore } from './helpers.js';

describeEachBackend('gongkai audit', (backend) => {
  useFreshStore(backend);

  it('lists who did what to which record, newest first, and filters', async () => {
    await ok(['agencies', 'add', '--name', '某某县人民政府办公室', '--id', 'a1']);
    await ok(
      ['users', 'add', '--username', 'clerk1', '--name', '王录入', '--agency', 'a1', '--password-stdin'],
      'correct-horse-battery-9\n',
    );
    await ok(['users', 'disable', 'clerk1']);
    await ok([
      'proactive',
      'set',
      '--agency',
      'a1',
      '--year',
      '2024',
      'p.rules.issued=3',
      'p.fees.amount=1.25',
    ]);
    const lines = (await ok(['audit'])).split('\n').map((l) => l.split('\t').slice(1));
    expect(lines).toEqual([
      ['用户', '操作', '对象', '记录', '改动'],
      ['命令行', '设置', '主动公开数据（表二）', '2024 年', '2 个数字'],
      ['命令行', '停用账号', '用户', '王录入（clerk1）', '停用时间、结束的会话数'],
      ['命令行', '新建', '用户', '王录入（clerk1）', '新建'],
      ['命令行', '新建', '机关', '某某县人民政府办公室', '新建'],
      [],
    ]);
    const users = (await ok(['audit', '--entity', 'user', '--action', 'disable', '--json']))
      .trim()
      .split('\n');
    expect(users.map((l) => JSON.parse(l) as { action: string; label: string })).toMatchObject([
      { action: 'disable', label: '王录入（clerk1）', actionName: '停用账号', entityName: '用户' },
    ]);
    expect((await ok(['audit', '--to', '2000-01-01'])).split('\n')).toEqual([
      '时间\t用户\t操作\t对象\t记录\t改动',
      '',
    ]);
    const unknown = await run(['audit', '--user', 'nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/用户.*nobody/);
  });
});
