/**
 * A generated corpus: a five-year series (2020–2024: the 2019 format, then the 2021 format) for N
 * bodies in every form, clean by construction — figures that carry over (nothing pending), stock
 * that holds, prose unique to each report, publication on time — with defects seeded on chosen
 * bodies. `expected` lists every (code, agency, year) the cross-report checks must find.
 */
import type { Report, Section } from '../../src/core/report.js';
import { createRandom, type Random } from '../../src/generate/prng.js';
import { generateReport } from '../../src/generate/random-report.js';
import { getRenderer } from '../../src/render/index.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';

export const years = [2020, 2021, 2022, 2023, 2024] as const;

const syllables = '安宁平和泰康德兴福华新永长清明正东西南北丰庆吉顺'.split('');
const departments = ['财政局', '教育局', '民政局', '司法局', '审计局', '统计局', '商务局', '水利局'];

export const forms = [
  'cell-per-line',
  'web-cell-per-line',
  'tab-indented',
  'tab-split-labels',
  'tab-rows',
  'html',
  'md',
  'docx',
  'pdf',
] as const;
export type Form = (typeof forms)[number];

export interface SeriesFile {
  name: string;
  agency: string;
  year: number;
  form: Form;
  report: Report;
}

export interface Seeded {
  code: string;
  agency: string;
  year: number;
}

export function bodyName(i: number): { agency: string; kind: 'government' | 'department' } {
  const county = `${syllables[i % syllables.length]}${syllables[Math.floor(i / syllables.length) % syllables.length]}县`;
  if (i % 4 === 0) return { agency: `${county}人民政府`, kind: 'government' };
  return { agency: `${county}${departments[Math.floor(i / 4) % departments.length]}`, kind: 'department' };
}

const subjects = [
  '政务公开',
  '依申请公开',
  '政策解读',
  '平台建设',
  '信息管理',
  '监督保障',
  '公开目录',
  '回应关切',
  '培训考核',
  '制度建设',
];
const actions = [
  '扎实推进',
  '持续完善',
  '认真落实',
  '不断深化',
  '稳步开展',
  '全面加强',
  '着力优化',
  '切实抓好',
  '系统梳理',
  '规范实施',
];
const objects = [
  '专项整治',
  '流程再造',
  '台账管理',
  '栏目维护',
  '队伍建设',
  '意见征集',
  '审核把关',
  '数据归集',
  '标准编制',
  '公开清单',
];
const places = ['城区', '乡镇', '园区', '社区', '窗口', '专栏', '热线', '大厅', '网站', '新媒体'];

/** A sentence no other report has: the body's name and four random words. */
function sentence(random: Random, agency: string): string {
  return `${agency}围绕${random.pick(subjects)}${random.pick(actions)}${random.pick(objects)}，在${random.pick(places)}和${random.pick(places)}落实${random.pick(objects)}工作。`;
}

function uniqueSections(template: readonly Section[], random: Random, agency: string): Section[] {
  return template.map((s) => ({
    ...s,
    text: Array.from({ length: s.number === 1 ? 4 : s.number >= 5 ? 2 : 1 }, () =>
      sentence(random, agency),
    ).join('\n'),
  }));
}

const columns = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'];

/** Nothing pending at either end of the year, nothing added to the stock: series that agree. */
function steadyCells(report: Report): void {
  const c = report.cells;
  for (const col of columns) {
    c[`a.prev.${col}`] = 0;
    c[`a.next.${col}`] = 0;
    c[`a.new.${col}`] = c[`a.total.${col}`] ?? 0;
  }
  for (const item of ['rules', 'normative']) {
    if (report.format === '2021') {
      c[`p.${item}.issued`] = 0;
      c[`p.${item}.repealed`] = 0;
    } else c[`p.${item}.published`] = 0;
  }
}

export async function renderForm(report: Report, form: Form): Promise<string | Uint8Array> {
  if (form === 'html' || form === 'md' || form === 'docx' || form === 'pdf')
    return (getRenderer(form) as NonNullable<ReturnType<typeof getRenderer>>).render(report, {});
  return renderText(report, form as TextLayout);
}

export const extension = (form: Form) =>
  form === 'html' ? 'html' : form === 'md' ? 'md' : form === 'docx' ? 'docx' : form === 'pdf' ? 'pdf' : 'txt';

export interface Series {
  files: SeriesFile[];
  expected: Seeded[];
  /** Reports that must be flagged late (check.late), by agency and year. */
  late: { agency: string; year: number }[];
}

/**
 * The series of `bodies` bodies. Defects are seeded on every tenth body (offsets below); the
 * others stay clean.
 */
export function buildSeries(bodies: number, seed = 1, formsUsed: readonly Form[] = forms): Series {
  const files: SeriesFile[] = [];
  const expected: Seeded[] = [];
  const late: { agency: string; year: number }[] = [];
  let n = 0;
  const reports = new Map<string, Report>();
  for (let i = 0; i < bodies; i++) {
    const { agency, kind } = bodyName(i);
    const random = createRandom(seed * 100_003 + i);
    const base2019 = generateReport(seed * 7 + i, '2019', { year: 2020, maxCount: 20, datedShare: 0 });
    const base2021 = generateReport(seed * 7 + i, '2021', { year: 2021, maxCount: 20, datedShare: 0 });
    const defect = i % 10;
    for (const year of years) {
      if (defect === 7 && year === 2022) {
        expected.push({ code: 'corpus.missing-year', agency, year: 2023 });
        continue;
      }
      const base = year < 2021 ? base2019 : base2021;
      const report: Report = {
        ...structuredClone(base),
        agency,
        year,
        publishedOn: `${year + 1}-01-${String(10 + (i % 15)).padStart(2, '0')}`,
        signedOn: null,
      };
      steadyCells(report);
      report.sections = uniqueSections(base.sections, random, agency);
      // Governments publish by 31 March: February is on time for them.
      if (kind === 'government' && year === 2023) report.publishedOn = `${year + 1}-02-20`;
      if (defect === 1 && year === 2022) {
        report.cells['a.prev.np'] = 3;
        report.cells['a.prev.total'] = 3;
        expected.push({ code: 'corpus.carry-over', agency, year });
      }
      if (defect === 2 && year === 2024) {
        report.cells['p.rules.inForce'] = (report.cells['p.rules.inForce'] ?? 0) + 2;
        expected.push({ code: 'corpus.stock', agency, year });
      }
      if (defect === 3 && year === 2023) {
        report.sections = structuredClone((reports.get(`${i}:2022`) as Report).sections);
        expected.push({ code: 'corpus.copied-text', agency, year });
      }
      if (defect === 4 && year === 2024 && i >= 1) {
        // Prose of the body before it, same year.
        const other = reports.get(`${i - 1}:2024`) as Report;
        const borrowed = (other.sections[0] as Section).text.split('\n').slice(0, 4);
        const first = report.sections[0] as Section;
        first.text = `${first.text}\n${borrowed.join('\n')}`;
        expected.push({ code: 'corpus.copied-text', agency, year });
        expected.push({ code: 'corpus.copied-text', agency: bodyName(i - 1).agency, year });
      }
      if (defect === 5 && year === 2021) {
        report.publishedOn = kind === 'government' ? `${year + 1}-04-02` : `${year + 1}-02-15`;
        late.push({ agency, year });
      }
      reports.set(`${i}:${year}`, report);
      const form = formsUsed[n++ % formsUsed.length] as Form;
      files.push({
        name: `${String(i).padStart(3, '0')}-${year}.${extension(form)}`,
        agency,
        year,
        form,
        report,
      });
      if (defect === 6 && year === 2023) {
        const changed = structuredClone(report);
        const first = changed.sections[0] as Section;
        first.text = `${first.text}\n${sentence(random, agency)}`;
        const form2 = formsUsed[n++ % formsUsed.length] as Form;
        files.push({
          name: `${String(i).padStart(3, '0')}-${year}-v2.${extension(form2)}`,
          agency,
          year,
          form: form2,
          report: changed,
        });
        expected.push({ code: 'corpus.changed', agency, year });
      }
    }
  }
  return { files, expected, late };
}
