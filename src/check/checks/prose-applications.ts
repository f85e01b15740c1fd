import { cellValue } from '../cells.js';
import { clausesOf, mentions, sentencesOf } from '../prose/text.js';
import {
  allApplicants,
  applicationWord,
  clauseEnds,
  comparisons,
  handledPhrases,
  hypothetical,
  negations,
  noApplications,
  notApplications,
  otherMatters,
  receivedCount,
  subsetMarkers,
} from '../prose/vocabulary.js';
import type { Check } from '../types.js';

const newKey = 'a.new.total';
const prevKey = 'a.prev.total';
const receivedCountAll = receivedCount.map((p) => new RegExp(p.source, 'g'));

/** The number of applications a sentence says were received, or null when it states none. */
export function receivedCountOf(sentence: string): number | null {
  for (const clause of clausesOf(sentence, clauseEnds))
    for (const pattern of receivedCountAll)
      for (const match of clause.matchAll(pattern)) {
        let between = match[1] ?? '';
        for (const phrase of allApplicants) between = between.replaceAll(phrase, '');
        const before = clause.slice(0, match.index);
        if (mentions(before + between, subsetMarkers) || mentions(before, comparisons)) continue;
        return Number(match[2]);
      }
  return null;
}

/** True when a clause of the sentence says no application was received. */
export const saysNoApplications = (sentence: string): boolean =>
  clausesOf(sentence, clauseEnds).some(
    (clause) => noApplications.some((p) => p.test(clause)) && !mentions(clause, notApplications),
  );

/** True when the sentence says applications were answered or disclosed (and denies nothing). */
export const claimsHandled = (sentence: string): boolean =>
  sentence.includes(applicationWord) &&
  mentions(sentence, handledPhrases) &&
  !mentions(sentence, negations) &&
  !mentions(sentence, otherMatters) &&
  !mentions(sentence, hypothetical);

/** What the prose says about applications against table 三 (「一、本年新收」 and 「二、上年结转」). */
export const checkProseApplications: Check = (input, file) => {
  const { evidence } = input;
  if (!evidence) return;
  const received = cellValue(input, newKey);
  const carried = cellValue(input, prevKey);
  for (const { text, place } of sentencesOf(evidence.prose)) {
    // Every claim below names 申请: a sentence without it says nothing about applications.
    if (!text.includes(applicationWord)) continue;
    if (received !== null) {
      const count = receivedCountOf(text);
      if (count === 0 ? received > 0 : count !== null && count !== received) {
        file.warn(
          'check.prose-applications',
          `正文称收到政府信息公开申请 ${count} 件，与表三「本年新收」总计 ${received} 件不符`,
          { place, keys: [newKey], actual: String(count), expected: String(received) },
        );
        continue;
      }
      if (count === null && received > 0 && saysNoApplications(text)) {
        file.warn(
          'check.prose-applications',
          `正文称未收到政府信息公开申请，但表三「本年新收」总计为 ${received} 件`,
          { place, keys: [newKey], actual: '0', expected: String(received) },
        );
        continue;
      }
    }
    if (received !== null && carried !== null && received + carried === 0 && claimsHandled(text))
      file.warn(
        'check.prose-applications',
        '正文称已办理（公开、答复或办结）政府信息公开申请，但表三「本年新收」与「上年结转」均为 0',
        { place, keys: [newKey, prevKey], actual: '0' },
      );
  }
};
