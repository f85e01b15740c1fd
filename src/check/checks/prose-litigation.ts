import { cellsOf } from '../../spec/registry.js';
import type { FormatSpec } from '../../spec/types.js';
import { cellValues } from '../cells.js';
import { mentions, sentencesOf } from '../prose/text.js';
import {
  hypothetical,
  litigationObjects,
  litigationTitleTail,
  litigationVerbs,
  negations,
  zeroCount,
} from '../prose/vocabulary.js';
import type { Check } from '../types.js';

const claim = new RegExp(
  `(?:${litigationVerbs.join('|')})[^,;:。()]{0,20}?(?:${litigationObjects.join('|')})(?!${litigationTitleTail.source.replace(/^\^/, '')})`,
);

/** True when the sentence says a review or lawsuit took place (and denies nothing). */
export const claimsLitigation = (sentence: string): boolean =>
  claim.test(sentence) &&
  !mentions(sentence, negations) &&
  !zeroCount.test(sentence) &&
  !mentions(sentence, hypothetical);

const totalKeys = new WeakMap<FormatSpec, string[]>();

/** The keys of the totals of table 四. */
function litigationTotals(spec: FormatSpec): string[] {
  let keys = totalKeys.get(spec);
  if (!keys) {
    keys = [...cellsOf(spec).entries()]
      .filter(([key, at]) => at.table.id === 'litigation' && key.endsWith('.total'))
      .map(([key]) => key);
    totalKeys.set(spec, keys);
  }
  return keys;
}

/** Prose saying reviews or lawsuits took place while every total of table 四 is 0. */
export const checkProseLitigation: Check = (input, file) => {
  const { spec, evidence } = input;
  if (!evidence) return;
  const keys = litigationTotals(spec);
  const totals = cellValues(input, keys);
  if (keys.length === 0 || totals === null || totals.some((t) => t !== 0)) return;
  for (const { text, place } of sentencesOf(evidence.prose))
    if (claimsLitigation(text))
      file.warn(
        'check.prose-litigation',
        '正文称发生了政府信息公开行政复议或行政诉讼，但表四各项总计均为 0',
        { place, keys, actual: '0' },
      );
};
