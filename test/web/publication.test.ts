/** 发布情况's pure helpers: days as text, the deadlines' sentence, a table page's slice, the years offered. */
import { describe, expect, it } from 'vitest';
import {
  daysText,
  deadlineText,
  emptyText,
  lastPublicationPage,
  publicationNotice,
  publicationPage,
  publicationPageSize,
  regionSearch,
  regionsCaption,
  statusColors,
  yearChoices,
} from '../../web/src/features/oversight/publication.js';
import { publicationUrl } from '../../web/src/features/oversight/url.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';

describe('publication', () => {
  it('writes the days past the deadline, or left to it', () => {
    expect(daysText({ status: 'overdue', daysLate: 44, daysLeft: null })).toBe('逾期 44 天');
    expect(daysText({ status: 'late', daysLate: 5, daysLeft: null })).toBe('逾期 5 天');
    expect(daysText({ status: 'pending', daysLate: null, daysLeft: 16 })).toBe('还有 16 天');
    expect(daysText({ status: 'pending', daysLate: null, daysLeft: 0 })).toBe('今天到期');
    expect(daysText({ status: 'onTime', daysLate: null, daysLeft: null })).toBe('—');
    expect(daysText({ status: 'undated', daysLate: null, daysLeft: null })).toBe('—');
  });

  it('says the deadlines of the year and the day they are judged on', () => {
    expect(
      deadlineText({
        year: 2023,
        today: '2024-03-15',
        deadlines: { government: '2024-03-31', department: '2024-01-31' },
      }),
    ).toBe(
      '2023 年度报告的发布期限：部门 2024-01-31，人民政府 2024-03-31（条例第四十九条）。截至 2024-03-15。',
    );
  });

  it('asks the API for one table page of 50 bodies at a time, the first when none is given', () => {
    expect(publicationPageSize).toBe(50);
    expect(publicationPage(undefined)).toEqual({ offset: 0, limit: 50 });
    expect(publicationPage(1)).toEqual({ offset: 0, limit: 50 });
    expect(publicationPage(2)).toEqual({ offset: 50, limit: 50 });
    expect(publicationPage(7)).toEqual({ offset: 300, limit: 50 });
    expect([0, 1, 50, 51, 100, 101].map(lastPublicationPage)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('keeps the page in the URL: a whole number from 1, a bad one dropped and the rest kept', () => {
    const state = (search: string) => decode(publicationUrl, new URLSearchParams(search));
    expect(state('status=overdue&page=3')).toEqual({ status: 'overdue', page: 3 });
    expect(state('status=overdue&page=0')).toEqual({ status: 'overdue' });
    expect(state('status=overdue&page=1.5')).toEqual({ status: 'overdue' });
    expect(state('status=overdue&page=x')).toEqual({ status: 'overdue' });
    expect(encode(publicationUrl, { year: 2023, page: 2 }).toString()).toBe('page=2&year=2023');
    expect(encode(publicationUrl, { year: 2023, page: undefined }).toString()).toBe('year=2023');
  });

  it('offers the corpus years and the year shown, once each, ascending', () => {
    expect(yearChoices([2021, 2022], 2023)).toEqual([2021, 2022, 2023]);
    expect(yearChoices([2021, 2022], 2021)).toEqual([2021, 2022]);
    expect(yearChoices([2022, 2021], undefined)).toEqual([2021, 2022]);
    expect(yearChoices([], 2023)).toEqual([2023]);
  });

  it('says when the summary by region lists only the 20 regions that lag most', () => {
    expect(regionsCaption(21)).toBe('共 21 个地区，列出逾期未发布最多的 20 个');
    expect(regionsCaption(20)).toBeUndefined();
    expect(regionsCaption(2)).toBeUndefined();
  });

  it('links a region to the page filtered to it: the other filters kept, from the first page', () => {
    expect(regionSearch({ year: 2023, status: 'overdue', page: 3 }, '西宁市城北区')).toBe(
      `region=${encodeURIComponent('西宁市城北区')}&status=overdue&year=2023`,
    );
    expect(regionSearch({ region: '西宁市', kind: 'department' }, '西宁市湟中区')).toBe(
      `kind=department&region=${encodeURIComponent('西宁市湟中区')}`,
    );
  });

  it('says why the table is empty', () => {
    expect(emptyText(2023, undefined)).toBe('报告库中没有应发布 2023 年度报告的机关');
    expect(emptyText(2023, 'overdue')).toBe('没有「逾期未发布」的机关');
    expect(emptyText(undefined, undefined)).toBe('暂无数据');
  });

  it('colours each status: overdue red, pending blue, late orange, undated gold, on time green', () => {
    expect(statusColors).toEqual({
      overdue: '#a8071a',
      pending: '#1d4f91',
      late: '#ad4e00',
      undated: '#7c5e00',
      onTime: '#237804',
    });
  });

  it('tells 监督概览 how many bodies are overdue or not yet due, and nothing when none was expected', () => {
    const notice = (overdue: number, pending: number, expected = 5) =>
      publicationNotice({
        year: 2025,
        deadlines: { government: '2026-03-31', department: '2026-01-31' },
        counts: { expected, overdue, pending, late: 0, undated: 0, onTime: expected - overdue - pending },
      });
    expect(notice(3, 1)).toEqual({
      type: 'warning',
      text: '2025 年度报告：3 个机关逾期未发布，1 个尚未到期（部门期限 2026-01-31，人民政府 2026-03-31）。',
    });
    expect(notice(3, 0)).toEqual({
      type: 'warning',
      text: '2025 年度报告：3 个机关逾期未发布（部门期限 2026-01-31，人民政府 2026-03-31）。',
    });
    expect(notice(0, 2)).toEqual({
      type: 'info',
      text: '2025 年度报告：没有机关逾期未发布，2 个尚未到期（部门期限 2026-01-31，人民政府 2026-03-31）。',
    });
    expect(notice(0, 0)).toEqual({
      type: 'info',
      text: '2025 年度报告：应发布的 5 个机关均已发布（部门期限 2026-01-31，人民政府 2026-03-31）。',
    });
    expect(notice(0, 0, 0)).toBeUndefined();
  });
});
