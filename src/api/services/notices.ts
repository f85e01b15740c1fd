/**
 * The document an application's event sends (src/workflow/notices.ts), as a file: DOCX laid out
 * after GB/T 9704 like the corpus's letters, or Markdown; signed with the agency's name and dated
 * the event's day.
 */
import { chineseDate } from '../../render/date.js';
import { renderPlain } from '../../render/plain.js';
import type { PlainDocument } from '../../render/plain-document.js';
import type { Store } from '../../store/index.js';
import { eventNames } from '../../workflow/application.js';
import { type Notice, noticeOf } from '../../workflow/notices.js';
import { badRequest, notFound } from '../errors.js';
import { findApplication } from './applications.js';
import { holidayCalendar } from './holidays.js';
import { type Principal, requireRight } from './principal.js';

export type NoticeFormat = 'docx' | 'md';

/** A notice as a plain document: the addressee, the text, the agency's signature, a note for the clerk. */
export function noticeDocument(notice: Notice, agency: string): PlainDocument {
  return {
    title: [notice.title],
    blocks: [
      { kind: 'addressee', text: notice.to },
      ...notice.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
    signature: { agency, date: chineseDate(notice.date) },
    note: '本文书按登记的记录生成，【待补充】处请按实际情况填写，印发前请核对',
    creator: agency,
    date: notice.date,
  };
}

export async function applicationNotice(
  store: Store,
  p: Principal,
  ref: string,
  ordinal: number,
  to: NoticeFormat,
): Promise<{ name: string; body: Uint8Array | string }> {
  requireRight(p, 'read');
  const app = await findApplication(store, p, ref);
  const event = app.events[ordinal];
  if (!event) throw notFound('事件', `${app.number} 的第 ${ordinal + 1} 个`);
  const notice = noticeOf(app, ordinal, await holidayCalendar(store));
  if (!notice) throw badRequest('no-notice', `「${eventNames[event.type]}」不需要向申请人或第三方发出文书`);
  const agency = (await store.agencies.get(app.agencyId))?.name ?? app.agencyId;
  return {
    name: `${app.number}-${notice.title}.${to}`,
    body: renderPlain(noticeDocument(notice, agency), to),
  };
}
