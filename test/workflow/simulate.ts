/**
 * A simulated year of applications and cases for the compile tests. Every record is built forward
 * in time so that it is valid, and each one carries its planned closure (outcome and day), worked
 * out here without the workflow code: the fee payment deadline comes from the chinese-days package.
 */
import chineseDays from 'chinese-days';
import { createRandom, type Random } from '../../src/generate/prng.js';
import type { ApplicantType } from '../../src/workflow/applicant.js';
import type { Application, ApplicationEvent } from '../../src/workflow/application.js';
import { addDays } from '../../src/workflow/calendar/date.js';
import type { Case, CaseKind, CaseOutcome } from '../../src/workflow/cases.js';
import type { Channel } from '../../src/workflow/channel.js';
import { perPageFee } from '../../src/workflow/fees.js';
import { type Outcome, outcomes } from '../../src/workflow/outcome.js';

export interface PlannedApplication {
  app: Application;
  receivedOn: string;
  closure: { outcome: Outcome; closedOn: string } | null;
}

const applicants: ApplicantType[] = ['np', 'np', 'np', 'np', 'np', 'np', 'biz', 'res', 'ngo', 'law', 'oth'];
const channelList: Channel[] = ['inPerson', 'post', 'ordinaryMail', 'online', 'email', 'fax'];
const replyOutcomes = outcomes.filter(
  (o) => o !== 'other.noCorrection' && o !== 'other.noFee' && o !== 'none.unclear',
);

const dateIn = (random: Random, from: string, days: number) => addDays(from, random.int(0, days));
const daysFrom = (from: string, to: string) =>
  Math.round(
    (Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8)) -
      Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8))) /
      86_400_000,
  );

function receiptOf(
  random: Random,
  receivedOn: string,
): Pick<Application, 'channel' | 'submittedOn' | 'signedForOn' | 'confirmedOn'> {
  const channel = random.pick(channelList);
  if (channel === 'inPerson') return { channel, submittedOn: receivedOn };
  const submittedOn = addDays(receivedOn, -random.int(0, 5));
  return channel === 'post'
    ? { channel, submittedOn, signedForOn: receivedOn }
    : { channel, submittedOn, confirmedOn: receivedOn };
}

function plan(random: Random, id: string, receivedOn: string): PlannedApplication {
  const events: ApplicationEvent[] = [];
  let closure: PlannedApplication['closure'] = null;
  let cursor = receivedOn;
  let corrected = false;
  const r = random.next();
  if (r < 0.1) {
    // Never answered.
  } else {
    let flow = true;
    if (r < 0.25) {
      const on = addDays(receivedOn, random.int(1, 9));
      const correctBy = addDays(on, random.int(5, 30));
      events.push({ type: 'correctionRequested', on, correctBy });
      if (random.chance(0.5)) {
        cursor = addDays(on, random.int(1, daysFrom(on, correctBy)));
        events.push({ type: 'corrected', on: cursor });
        corrected = true;
      } else {
        flow = false;
        closure = { outcome: 'other.noCorrection', closedOn: addDays(correctBy, 1) };
        if (random.chance(0.4))
          events.push({
            type: 'replied',
            on: addDays(correctBy, random.int(1, 10)),
            outcome: 'other.noCorrection',
          });
      }
    }
    if (flow && random.chance(0.2)) {
      const party = random.chance(0.5) ? 'thirdParty' : 'agency';
      const sent = addDays(cursor, random.int(0, 10));
      events.push({ type: 'consultationSent', on: sent, party });
      cursor = sent;
      if (random.chance(0.8)) {
        cursor = addDays(sent, random.int(0, 25));
        events.push({ type: 'consultationAnswered', on: cursor, party });
      }
    }
    if (flow && random.chance(0.15)) {
      cursor = addDays(cursor, random.int(0, 15));
      events.push({
        type: 'extended',
        on: cursor,
        days: random.int(1, 20),
        approvedBy: '政府信息公开办公室主任',
      });
    }
    if (flow && random.chance(0.12)) {
      const on = addDays(cursor, random.int(0, 10));
      if (on >= '2021-01-01') {
        const pages = random.int(31, 300);
        const standard = perPageFee(pages);
        const amount = random.chance(0.3) ? Math.max(1, Math.floor(standard / 2)) : standard;
        events.push({ type: 'feeNotified', on, method: 'perPage', quantity: pages, amount });
        const payBy = chineseDays.findWorkday(20, on);
        cursor = on;
        if (random.chance(0.7)) {
          cursor = addDays(on, random.int(0, daysFrom(on, payBy)));
          events.push({ type: 'feePaid', on: cursor });
        } else {
          flow = false;
          closure = { outcome: 'other.noFee', closedOn: addDays(payBy, 1) };
          if (random.chance(0.4))
            events.push({ type: 'replied', on: addDays(payBy, random.int(1, 10)), outcome: 'other.noFee' });
        }
      }
    }
    if (flow && random.chance(0.88)) {
      const on = addDays(cursor, random.int(0, 40));
      const outcome = corrected && random.chance(0.3) ? 'none.unclear' : random.pick(replyOutcomes);
      events.push({ type: 'replied', on, outcome });
      closure = { outcome, closedOn: on };
    }
  }
  const app: Application = {
    id,
    applicant: random.pick(applicants),
    ...receiptOf(random, receivedOn),
    events,
  };
  return { app, receivedOn, closure };
}

/** About `count` applications around `year` (some from the year before, a few from the year after). */
export function simulateApplications(seed: number, year: number, count: number): PlannedApplication[] {
  const random = createRandom(seed);
  const out: PlannedApplication[] = [];
  for (let i = 0; i < count; i++) {
    const r = random.next();
    const receivedOn =
      r < 0.15
        ? dateIn(random, `${year - 1}-06-01`, 213)
        : r < 0.97
          ? dateIn(random, `${year}-01-01`, 364)
          : dateIn(random, `${year + 1}-01-01`, 20);
    out.push(plan(random, `${year}-${seed}-${i}`, receivedOn));
  }
  return out;
}

const kinds: CaseKind[] = ['review', 'direct', 'afterReview'];
const caseResults: CaseOutcome[] = ['upheld', 'corrected', 'other'];

export function simulateCases(seed: number, year: number, count: number): Case[] {
  const random = createRandom(seed ^ 0x5bd1e995);
  return Array.from({ length: count }, (_, i) => {
    const filedOn = dateIn(random, `${year - 1}-01-01`, 729);
    const decided = random.chance(0.6);
    return {
      id: `C${i}`,
      kind: random.pick(kinds),
      filedOn,
      decidedOn: decided ? addDays(filedOn, random.int(0, 200)) : null,
      outcome: decided ? random.pick(caseResults) : null,
    };
  });
}
