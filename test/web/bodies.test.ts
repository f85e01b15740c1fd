/** 机关's pure helpers: a table page's slice, the last page, a body as a select offers it, the count. */
import { describe, expect, it } from 'vitest';
import {
  bodiesCount,
  bodiesPage,
  bodiesPageSize,
  bodyOptionText,
  lastBodiesPage,
} from '../../web/src/features/oversight/bodies.js';
import { bodiesUrl } from '../../web/src/features/oversight/url.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';

describe('bodies', () => {
  it('asks the API for one table page of 50 bodies at a time, the first when none is given', () => {
    expect(bodiesPageSize).toBe(50);
    expect(bodiesPage(undefined)).toEqual({ offset: 0, limit: 50 });
    expect(bodiesPage(1)).toEqual({ offset: 0, limit: 50 });
    expect(bodiesPage(3)).toEqual({ offset: 100, limit: 50 });
    expect([0, 1, 50, 51, 100, 101].map(lastBodiesPage)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('keeps the text, kind and page in the URL, a bad value dropped and the rest kept', () => {
    const state = (search: string) => decode(bodiesUrl, new URLSearchParams(search));
    expect(state(`q=${encodeURIComponent('洛江')}&kind=department&page=2`)).toEqual({
      q: '洛江',
      kind: 'department',
      page: 2,
    });
    expect(state('kind=agency&page=0')).toEqual({});
    expect(encode(bodiesUrl, { q: '宿迁', kind: 'government', page: 3 }).toString()).toBe(
      `kind=government&page=3&q=${encodeURIComponent('宿迁')}`,
    );
    expect(encode(bodiesUrl, { q: '', page: undefined }).toString()).toBe('');
  });

  it('offers a body with its region and reports, or its name alone when that is all known', () => {
    expect(bodyOptionText({ name: '宿迁市宿城区财政局', region: '宿迁市宿城区', reports: 2 })).toBe(
      '宿迁市宿城区财政局（宿迁市宿城区，2 份）',
    );
    expect(bodyOptionText({ name: '某局', region: '', reports: 0 })).toBe('某局（地区未知，0 份）');
    expect(bodyOptionText({ name: '宿迁市人民政府' })).toBe('宿迁市人民政府');
  });

  it('counts the bodies listed, of all of them while looking through them', () => {
    expect(bodiesCount(28_000, undefined)).toBe('共 28000 个机关');
    expect(bodiesCount(3, 3)).toBe('共 3 个机关');
    expect(bodiesCount(2, 3)).toBe('2 / 3 个机关');
  });
});
