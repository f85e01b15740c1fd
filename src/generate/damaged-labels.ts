/**
 * Row labels damaged as PDF text layers and converters damage them: a character dropped or
 * doubled, stray spaces between the characters, a label wrapped onto the next line. Applied to a
 * rendered text report: each damaged label is the first occurrence of its wording after the
 * heading of the part that holds its table, so prose before the tables is never touched.
 */
import type { Report } from '../core/report.js';
import { getFormat } from '../spec/registry.js';
import { createRandom, type Random } from './prng.js';

export type LabelDamage = 'drop' | 'double' | 'spaces' | 'wrap' | 'drop-two';

export interface DamagedLabel {
  /** Row id in the format spec. */
  row: string;
  official: string;
  written: string;
  damage: LabelDamage;
  /** The least number of characters changed (dropped or doubled), spaces and line breaks aside. */
  distance: number;
}

/** The label words after any numbering (「（一）」「1.」「一、」). */
const withoutNumbering = (label: string): string =>
  label.replace(/^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/, '');

function damageWords(words: string, damage: LabelDamage, random: Random): string {
  const at = random.int(1, words.length - 2);
  switch (damage) {
    case 'drop':
      return words.slice(0, at) + words.slice(at + 1);
    case 'drop-two': {
      const second = random.int(at + 2, words.length - 1);
      return words.slice(0, at) + words.slice(at + 1, second) + words.slice(second + 1);
    }
    case 'double':
      return words.slice(0, at + 1) + words.slice(at);
    case 'spaces':
      return [...words].join(' ');
    case 'wrap':
      return `${words.slice(0, at)}\n${words.slice(at)}`;
  }
}

/**
 * The text with up to `count` row labels damaged, and what was done. Labels shorter than six
 * characters are left alone (a two-character label with one dropped is another word), and so
 * is a label whose wording appears twice in its part (it could not be told which one is the row).
 */
export function damageLabels(
  report: Report,
  text: string,
  seed: number,
  count = 1,
): { text: string; damaged: DamagedLabel[] } {
  const random = createRandom(seed ^ 0x1abe1);
  const spec = getFormat(report.format);
  const candidates: { row: string; official: string; words: string; section: number }[] = [];
  for (const table of spec.tables)
    for (const part of table.parts)
      for (const row of part.rows) {
        const official = row.path.at(-1)?.official;
        if (!official) continue;
        const words = withoutNumbering(official);
        if (words.length >= 6) candidates.push({ row: row.id, official, words, section: table.section });
      }
  const damaged: DamagedLabel[] = [];
  let out = text;
  const kinds: LabelDamage[] = ['drop', 'double', 'spaces', 'wrap', 'drop-two'];
  for (let n = 0; n < count && candidates.length > 0; n++) {
    const c = candidates.splice(random.int(0, candidates.length - 1), 1)[0] as (typeof candidates)[number];
    const section = spec.sections[c.section - 1];
    const from = section ? out.indexOf(`${section.numeral}、${section.title}`) : 0;
    if (from < 0) continue;
    const at = out.indexOf(c.words, from);
    if (at < 0 || out.indexOf(c.words, at + 1) !== -1) continue;
    let damage = random.pick(kinds);
    if (damage === 'drop-two' && c.words.length < 8) damage = 'drop';
    const written = damageWords(c.words, damage, random);
    out = out.slice(0, at) + written + out.slice(at + c.words.length);
    const distance = damage === 'drop' || damage === 'double' ? 1 : damage === 'drop-two' ? 2 : 0;
    damaged.push({ row: c.row, official: c.official, written, damage, distance });
  }
  return { text: out, damaged };
}
