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
