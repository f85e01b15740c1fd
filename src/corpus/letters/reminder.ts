/**
 * 催报提醒: a draft of the reminder a supervisor sends a body that has not published the year's
 * report past 第四十九条's deadline (发布情况's 逾期未发布) — as a plain document to edit before it goes
 * out. It says only what the corpus holds as of the day (the corpus may lack a report the body did
 * publish, so it asks for the address if so); what it can't know is left as 【待补充：…】.
 */
import { chineseDate } from '../../render/date.js';
import { renderPlain } from '../../render/plain.js';
import { draftSignature, type PlainDocument } from '../../render/plain-document.js';
import { formatForYear } from '../../spec/registry.js';
import type { IsoDate } from '../../workflow/calendar/date.js';
import { bodyKindNames } from '../bodies/names.js';
import type { BodyPublication, Publication } from '../publication.js';
import { documentFileName, documentsZip, type LetterFormat } from './files.js';

/** 「1月31日」 of a deadline: the day of the year 第四十九条 sets. */
const dayOfYear = (date: IsoDate): string => chineseDate(date).replace(/^\d+年/, '');

export function reminderLetter(
  body: BodyPublication,
  year: number,
  today: IsoDate,
  issuer = '',
): PlainDocument {
  const who = body.kind === 'government' ? '县级以上人民政府' : '部门';
  const format = formatForYear(year)?.document;
  const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });
  return {
    title: [`关于尽快发布${year}年政府信息公开`, '工作年度报告的提醒'],
    blocks: [
      { kind: 'addressee' as const, text: `${body.name}：` },
      paragraph(
        `根据《中华人民共和国政府信息公开条例》第四十九条，${who}应当在每年${dayOfYear(body.deadline)}前向社会公布本行政机关上一年度政府信息公开工作年度报告。` +
          `截至${chineseDate(today)}，报告库中没有你单位${year}年度的报告，已超过期限（${chineseDate(body.deadline)}）${body.daysLate ?? 0}天。`,
      ),
      paragraph(
        body.lastYear === null
          ? '报告库中也没有你单位以往年度的报告。'
          : `报告库中你单位最近一份报告为${body.lastYear}年度报告。`,
      ),
      paragraph(
        `如已发布，请于【待补充：日期】前告知发布的网址；尚未发布的，请${format ? `按照规定的格式（${format}）` : ''}尽快编制并发布，发布后告知【待补充：单位】。`,
      ),
    ],
    signature: draftSignature(issuer, today),
    note: `以上情况按报告库中截至${chineseDate(today)}的报告自动生成，印发前请核对。`,
    creator: issuer,
    date: today,
  };
}

/** The overdue bodies of 发布情况, each one's reminder. */
export const overdueBodies = (p: Publication): BodyPublication[] =>
  p.bodies.filter((b) => b.status === 'overdue');

/** The reminder's file name: the body and year. */
export const reminderFileName = (body: BodyPublication, year: number, to: LetterFormat): string =>
  documentFileName(`${body.name}${year}年度报告催报提醒`, to);

/** A ZIP of the reminders to the bodies overdue in `p`, one file each named for the body and year. */
export function remindersZip(p: Publication, to: LetterFormat, issuer = ''): Uint8Array {
  return documentsZip(
    overdueBodies(p),
    (body) => reminderFileName(body, p.year, to),
    (body) => body.bodyId,
    (body) => renderPlain(reminderLetter(body, p.year, p.today, issuer), to),
    {
      name: '催报提醒清单.csv',
      columns: ['file', 'agency', 'region', 'kind', 'year', 'deadline', 'daysLate', 'lastYear', 'bodyId'],
      row: (body, file) => [
        file,
        body.name,
        body.region,
        bodyKindNames[body.kind],
        p.year,
        body.deadline,
        body.daysLate,
        body.lastYear,
        body.bodyId,
      ],
    },
  );
}
