/**
 * One body's 2021 and 2022 reports for the two-year comparison (API and browser tests): generated
 * from the same seed so their figures agree except the two cells the 2022 edit changes, with part
 * 一's prose of which two sentences carry over (figures changed: still copies, digits being folded)
 * and one is new.
 */
import type { Report } from '../../src/core/report.js';
import { makeReport } from './helpers.js';

export const prose: Record<number, string> = {
  2021: '2021年，本局认真贯彻落实政府信息公开条例，持续推进政务公开标准化规范化建设。全年共发布政府信息125条，其中政策文件12件。本局依托门户网站及时发布财政预决算信息。',
  2022: '2022年，本局认真贯彻落实政府信息公开条例，持续推进政务公开标准化规范化建设。全年共发布政府信息140条，其中政策文件15件。本年新建政务公开专区，方便群众查阅办事指南。',
};

/** The body's report of a year: same seed both years; 2022 has five more 自然人 applications. */
export function compareReport(agency: string, year: 2021 | 2022): Report {
  return makeReport({
    agency,
    year,
    seed: 42,
    edit: (r) => {
      const first = r.sections.find((s) => s.number === 1);
      if (first) first.text = prose[year] as string;
      if (year === 2022) {
        r.cells['a.new.np'] = (r.cells['a.new.np'] ?? 0) + 5;
        r.cells['a.new.total'] = (r.cells['a.new.total'] ?? 0) + 5;
      }
    },
  });
}
