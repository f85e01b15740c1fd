/**
 * Plausible prose for the six parts of a report. Sentences about applications and reviews follow
 * the tables (no application is mentioned when table 三 has none), and no sentence puts an arabic
 * figure next to a table label, so the prose never competes with the tables.
 */
import type { Cells, Section } from '../core/report.js';
import type { FormatSpec } from '../spec/types.js';
import { selfReference } from './agency.js';
import type { Random } from './prng.js';

interface ProseContext {
  random: Random;
  self: string;
  year: number;
  cells: Cells;
}

const pickSome = (random: Random, items: readonly string[], min: number, max: number): string[] => {
  const pool = [...items];
  const out: string[] = [];
  const n = random.int(min, Math.min(max, pool.length));
  for (let i = 0; i < n; i++) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as string);
  return out;
};

function overview({ random, self, year, cells }: ProseContext): string[] {
  const received = (cells['a.new.total'] ?? 0) + (cells['a.prev.total'] ?? 0) > 0;
  const lead = random.pick([
    `${year}年，${self}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。`,
    `${year}年，在上级部门的正确领导下，${self}高度重视政府信息公开工作，把政务公开作为转变作风、提升服务的重要抓手。`,
    `${year}年，${self}严格落实政务公开工作要点，不断完善公开制度，拓宽公开渠道，保障人民群众的知情权、参与权和监督权。`,
  ]);
  const parts = [
    [
      '（一）主动公开情况',
      random.pick([
        `${self}依托政府门户网站信息公开专栏，及时发布机构职能、政策文件、工作动态等信息，做到应公开尽公开。`,
        `${self}围绕中心工作，持续做好重点领域信息公开，同步做好政策解读，提升公开质量。`,
      ]),
    ],
    [
      '（二）依申请公开情况',
      received
        ? `${self}严格按照法定程序受理、办理政府信息公开申请，在法定期限内予以答复，答复内容规范完整。`
        : `本年度${self}未收到政府信息公开申请，依申请公开工作机制运行正常。`,
    ],
    ['（三）政府信息管理情况', `${self}严格落实信息发布审核制度，坚持先审后发，确保发布信息准确、安全。`],
    [
      '（四）政府信息公开平台建设情况',
      `${self}加强政府网站信息公开专栏和政务新媒体的日常维护，及时更新栏目内容。`,
    ],
    ['（五）监督保障情况', `${self}调整充实政务公开工作领导小组，明确专人负责，将政务公开工作纳入年度考核。`],
  ];
  const out = [lead];
  for (const [heading, text] of parts) {
    if (random.chance(0.5)) out.push(heading as string, text as string);
    else out.push(`${heading}。${text}`);
  }
  return out;
}

function tableLead(number: number, { random }: ProseContext): string[] {
  if (!random.chance(0.3)) return [];
  return [number === 4 ? '具体情况见下表。' : random.pick(['具体情况见下表。', '有关数据统计如下。'])];
}

function problems({ random, self, year }: ProseContext): string[] {
  const issues = pickSome(
    random,
    [
      '部分信息公开不够及时',
      '政策解读形式较为单一',
      '公开内容的深度和广度有待拓展',
      '工作人员业务水平有待进一步提高',
      '信息公开平台栏目设置有待优化',
    ],
    2,
    3,
  );
  const measures = pickSome(
    random,
    [
      '加强业务培训，提升工作人员能力水平',
      '完善信息发布审核机制，提高公开时效',
      '丰富政策解读形式，增强解读效果',
      '加强平台建设，优化栏目设置',
      '强化监督考核，推动工作落实',
    ],
    2,
    3,
  );
  const ordinals = ['一是', '二是', '三是'];
  return [
    `${year}年，${self}政府信息公开工作取得一定成效，但仍存在一些不足：${issues.map((t, i) => `${ordinals[i]}${t}`).join('；')}。`,
    `下一步，${self}将从以下方面加以改进：${measures.map((t, i) => `${ordinals[i]}${t}`).join('；')}，推动政务公开工作再上新台阶。`,
  ];
}

function otherMatters({ random, self, year }: ProseContext): string[] {
  return [
    random.pick([
      `${year}年度，${self}未收取信息处理费。`,
      '依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。',
      '暂无其他需要报告的事项。',
    ]),
  ];
}

/** The six parts of a report, with prose only (tables are rendered from the cells). */
export function randomSections(
  spec: FormatSpec,
  random: Random,
  agency: string,
  year: number,
  cells: Cells,
): Section[] {
  const context: ProseContext = { random, self: selfReference(agency), year, cells };
  return spec.sections.map((section) => {
    let paragraphs: string[];
    if (section.number === 1) paragraphs = overview(context);
    else if (section.number === 5) paragraphs = problems(context);
    else if (section.number === 6) paragraphs = otherMatters(context);
    else paragraphs = tableLead(section.number, context);
    return {
      number: section.number,
      title: `${section.numeral}、${section.title}`,
      text: paragraphs.join('\n'),
      line: null,
    };
  });
}
