/**
 * Prose as real reports write it, which readers have lost before: figures followed by text
 * (「召开新闻发布会7场次」), document numbers in 〔〕, full-width punctuation and quotes, several
 * paragraphs in a part, sub-headings run into their paragraph. Each part keeps its sentences
 * apart from the tables' labels, so the prose never competes with the tables. And a flattened
 * page: the whole body on one line, parts run together with nothing between them.
 */
import type { Report, Section } from '../core/report.js';
import { createRandom, type Random } from './prng.js';

const numerals = '一二三四五六七八九十';

/** One sentence with figures and marks readers fold (〔〕, full-width brackets, quotes). */
function sentence(random: Random, year: number): string {
  const n = () => random.int(1, 99);
  return random.pick([
    `全年召开新闻发布会${n()}场次，发布权威信息${n()}条。`,
    `根据《关于进一步做好政务公开工作的通知》（办函〔${year}〕${n()}号），按照“谁制作、谁公开”的原则推进工作。`,
    `组织开展政务公开专题培训${n()}期，参训人员达${n()}人次，切实提升业务能力。`,
    `政务新媒体全年推送稿件${n()}篇，阅读量同比增长${n()}.${random.int(1, 9)}%。`,
    `常态化开展督查检查，组织${numerals[random.int(0, 3)]}次季度检查，并将发现的问题通报全区。`,
    `落实《${year}年政务公开工作要点》，细化任务${n()}项，明确责任单位和完成时限。`,
    `开设“政策解读”专栏，采用图表图解、视频动漫等形式解读政策${n()}次。`,
    `一是强化组织领导；二是完善工作机制；三是加强队伍建设。`,
    `热线电话12345受理群众咨询${n()}件，做到件件有回音。`,
  ]);
}

function paragraphs(random: Random, year: number, count: number): string[] {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: random.int(1, 3) }, () => sentence(random, year));
    const lead = random.chance(0.3) ? `（${numerals[p] ?? '十'}）工作举措` : '';
    out.push(lead + sentences.join(''));
  }
  return out;
}

/**
 * The same report with harder prose in its parts with free text (一, 五, 六); the parts that
 * hold tables keep theirs. The same seed always gives the same prose.
 */
export function withHardProse(report: Report, seed: number): Report {
  const random = createRandom(seed ^ 0x2f6b1c3d);
  const year = report.year ?? 2021;
  const sections: Section[] = report.sections.map((s) =>
    s.number === 1 || s.number === 5 || s.number === 6
      ? { ...s, text: paragraphs(random, year, s.number === 6 ? 1 : random.int(1, 4)).join('\n') }
      : s,
  );
  return { ...report, sections };
}

/**
 * A flattened page as crawlers save it: the title on its own line, then everything else on one
 * line with no space where lines and parts met.
 */
export function flattenPage(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const [title, ...body] = lines;
  return `${title ?? ''}\n${body.map((l) => l.trim().replace(/\u3000+/g, '')).join('')}\n`;
}

/** The sentences of a part's text (each ending in 。 or ；), whitespace removed. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, '')
    .split(/(?<=[。；])/)
    .filter((s) => /[。；]$/.test(s));
}

const attachments = [
  '政府信息公开工作年度报告统计表',
  '政府信息公开申请办理情况说明',
  '主动公开目录',
  '政策解读清单',
];
const notes = [
  '注：本报告中数据统计期限为本年度1月1日至12月31日，如有疑问请来电咨询。',
  '备注：报告中所列数据可能因四舍五入原因与分项合计略有差异。',
  '本报告电子版可在本机关门户网站政府信息公开专栏下载。',
  '联系电话：0531-86012345，联系地址：市政务服务中心三楼。',
];

/**
 * Lines written under the closing signature (附件 lists, notes under the 落款), appended to a
 * report's text; they belong to the last part. The same seed always writes the same lines.
 */
export function afterSignature(seed: number): string[] {
  const random = createRandom(seed ^ 0x5a17e);
  const lines: string[] = [];
  if (random.chance(0.6)) {
    const count = random.int(1, 3);
    lines.push(count === 1 ? `附件：${random.pick(attachments)}` : '附件：');
    if (count > 1)
      for (let i = 1; i <= count; i++) lines.push(`${i}.${attachments[(i + seed) % attachments.length]}`);
  }
  if (lines.length === 0 || random.chance(0.5)) lines.push(random.pick(notes));
  return lines;
}
