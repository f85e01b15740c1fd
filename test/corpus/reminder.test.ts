/**
 * 催报提醒 (reminderLetter): the reminder to a body overdue for a year's report, as Markdown (exact
 * text), and the ZIP of the reminders to the bodies 发布情况 lists overdue, and no others.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reminderLetter, remindersZip } from '../../src/corpus/letters/reminder.js';
import type { BodyPublication } from '../../src/corpus/publication.js';
import { renderPlainMarkdown } from '../../src/render/markdown/plain.js';
import { bodyPublication, publicationOver } from '../support/publications.js';

const body = (name: string, status: BodyPublication['status'], extra: Partial<BodyPublication> = {}) =>
  bodyPublication(name, '福建省泉州市洛江区', status, extra);

describe('催报提醒', () => {
  it('tells an overdue body its deadline, the days past it and its last report, and asks for the address', () => {
    const text = renderPlainMarkdown(
      reminderLetter(body('洛江区教育局', 'overdue', { daysLate: 15 }), 2025, '2026-02-15'),
    );
    expect(text).toBe(
      [
        '# 关于尽快发布2025年政府信息公开工作年度报告的提醒',
        '',
        '洛江区教育局：',
        '',
        '根据《中华人民共和国政府信息公开条例》第四十九条，部门应当在每年1月31日前向社会公布本行政机关上一年度政府信息公开工作年度报告。截至2026年2月15日，报告库中没有你单位2025年度的报告，已超过期限（2026年1月31日）15天。',
        '',
        '报告库中你单位最近一份报告为2024年度报告。',
        '',
        '如已发布，请于【待补充：日期】前告知发布的网址；尚未发布的，请按照规定的格式（国办公开办函〔2021〕30号）尽快编制并发布，发布后告知【待补充：单位】。',
        '',
        '【待补充：发文机关】',
        '',
        '2026年2月15日',
        '',
        '（以上情况按报告库中截至2026年2月15日的报告自动生成，印发前请核对。）',
        '',
      ].join('\n'),
    );
    const government = renderPlainMarkdown(
      reminderLetter(
        body('洛江区人民政府', 'overdue', {
          kind: 'government',
          deadline: '2026-03-31',
          daysLate: 3,
          lastYear: null,
        }),
        2025,
        '2026-04-03',
      ),
    );
    expect(government).toContain('县级以上人民政府应当在每年3月31日前');
    expect(government).toContain('已超过期限（2026年3月31日）3天。');
    expect(government).toContain('报告库中也没有你单位以往年度的报告。');
  });

  it('writes one reminder for each body overdue, named for it and the year, and none for the others', () => {
    const bodies = [
      body('洛江区教育局', 'overdue', { daysLate: 15 }),
      body('洛江区财政局', 'onTime', { publishedOn: '2026-01-20', reportId: 3 }),
      body('洛江区民政局', 'late', { publishedOn: '2026-02-02', daysLate: 2, reportId: 4 }),
      body('洛江区水利局', 'overdue', { daysLate: 15, lastYear: null }),
    ];
    const p = publicationOver(bodies);
    const files = unzipSync(remindersZip(p, 'md'));
    expect(Object.keys(files)).toEqual([
      '催报提醒清单.csv',
      '洛江区教育局2025年度报告催报提醒.md',
      '洛江区水利局2025年度报告催报提醒.md',
    ]);
    expect(strFromU8(files['洛江区水利局2025年度报告催报提醒.md'] as Uint8Array)).toBe(
      renderPlainMarkdown(reminderLetter(bodies[3] as BodyPublication, 2025, '2026-02-15')),
    );
  });
});
