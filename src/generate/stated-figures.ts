/**
 * Reports whose prose states figures of a row of table 二 (「全年制发规范性文件3件、废止2件」):
 * the 2021 format's 行政规范性文件 row gets small figures (so that, run together, they cut in
 * several ways) and the part 一 prose (总体情况) gets a sentence stating some of them, as reports write it.
 */
import type { Report } from '../core/report.js';
import { createRandom } from './prng.js';

const phrases = {
  'p.normative.issued': (n: number) => `制发规范性文件${n}件`,
  'p.normative.repealed': (n: number) => `废止${n}件`,
  'p.normative.inForce': (n: number) => `现行有效${n}件`,
} as const;

export interface StatedFigures {
  report: Report;
  /** Keys whose figure the prose states. */
  stated: string[];
  /** The sentence added. */
  sentence: string;
}

/** The same report (2021 format) with figures of 行政规范性文件 stated in the prose of part 一. */
export function withStatedFigures(report: Report, seed: number): StatedFigures {
  const random = createRandom(seed ^ 0x2545f491);
  const cells = { ...report.cells };
  cells['p.normative.issued'] = random.int(0, 40);
  cells['p.normative.repealed'] = random.int(0, 12);
  cells['p.normative.inForce'] = random.int(0, 120);
  const keys = Object.keys(phrases) as (keyof typeof phrases)[];
  const stated = keys.filter(() => random.chance(0.6));
  if (stated.length === 0) stated.push(random.pick(keys));
  const lead = random.pick(['全年', '本年度', '2023年']);
  const sentence = `${lead}${stated
    .map((k, i) => {
      const text = phrases[k](cells[k] as number);
      return i === 0 && k !== 'p.normative.issued' ? `规范性文件${text}` : text;
    })
    .join(random.pick(['、', '，']))}。`;
  const sections = report.sections.map((s) =>
    s.number === 1 ? { ...s, text: s.text ? `${s.text}\n${sentence}` : sentence } : s,
  );
  return { report: { ...report, cells, sections }, stated, sentence };
}
