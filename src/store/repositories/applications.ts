/**
 * Applications for disclosure with their dated events, loaded as the workflow's `Application`. The
 * columns `received_on`, `received_year` and `replied_on` are derived on every write (by
 * 第三十一条 and from the reply event) so a year's applications can be found without reading all.
 */

import {
  type Application,
  type ApplicationEvent,
  applicantTypes,
  channels,
  type IsoDate,
  isIsoDate,
  receiptDate,
  yearOf,
} from '../../workflow/index.js';
import { appendAudit, auditCreated } from '../audit.js';
import {
  type Actor,
  definedFields,
  inTransaction,
  notFound,
  type StoreContext,
  type Tx,
} from '../context.js';
import { StoreError } from '../errors.js';
import type { ApplicationEventRow, ApplicationRow } from '../schema.js';

/** An application as stored: the workflow's record plus the agency and the request. */
export interface ApplicationRecord extends Application {
  agencyId: string;
  /** What the applicant asked for (申请内容). */
  requestText: string;
  signedForOn: IsoDate | null;
  confirmedOn: IsoDate | null;
  /** The day of receipt by 第三十一条, or null while the date it needs is not recorded. */
  receivedOn: IsoDate | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewApplication {
  id?: string;
  agencyId: string;
  applicant: Application['applicant'];
  channel: Application['channel'];
  submittedOn: IsoDate;
  signedForOn?: IsoDate | null;
  confirmedOn?: IsoDate | null;
  requestText: string;
  events?: readonly ApplicationEvent[];
}

export type ApplicationPatch = Partial<
  Pick<
    ApplicationRecord,
    'applicant' | 'channel' | 'submittedOn' | 'signedForOn' | 'confirmedOn' | 'requestText'
  >
>;

type Db = Tx | StoreContext['db'];

function toEvent(row: ApplicationEventRow): ApplicationEvent {
  return { type: row.type, on: row.on_date, ...(JSON.parse(row.payload) as object) } as ApplicationEvent;
}

function toRecord(row: ApplicationRow, events: ApplicationEvent[]): ApplicationRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    applicant: row.applicant,
    channel: row.channel,
    submittedOn: row.submitted_on,
    signedForOn: row.signed_for_on,
    confirmedOn: row.confirmed_on,
    receivedOn: row.received_on,
    requestText: row.request_text,
    events,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads rows with their events, in the rows' order. */
async function withEvents(db: Db, rows: ApplicationRow[]): Promise<ApplicationRecord[]> {
  const events = new Map<string, ApplicationEvent[]>(rows.map((r) => [r.id, []]));
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const eventRows = await db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', 'in', chunk)
      .orderBy('application_id')
      .orderBy('ordinal')
      .execute();
    for (const e of eventRows) events.get(e.application_id)?.push(toEvent(e));
  }
  return rows.map((r) => toRecord(r, events.get(r.id) ?? []));
}

const load = async (db: Db, id: string): Promise<ApplicationRecord | undefined> => {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withEvents(db, [row]))[0];
};

function invalid(message: string): never {
  throw new StoreError('store.invalid', message);
}

function checkDates(label: string, ...dates: (IsoDate | null | undefined)[]): void {
  for (const d of dates)
    if (d !== null && d !== undefined && !isIsoDate(d))
      invalid(`${label}：日期「${String(d)}」不是有效的 YYYY-MM-DD 日期`);
}

/** The columns derived from the record: day and year of receipt, day of the reply. */
function derived(
  record: Pick<ApplicationRecord, 'channel' | 'submittedOn' | 'signedForOn' | 'confirmedOn' | 'events'>,
) {
  if (!channels.includes(record.channel)) invalid(`提交方式「${String(record.channel)}」无效`);
  checkDates('申请', record.submittedOn, record.signedForOn, record.confirmedOn);
  record.events.forEach((e, i) => {
    checkDates(`申请的事件 ${i}`, e.on);
  });
  const receivedOn = receiptDate(record);
  const reply = record.events.find((e) => e.type === 'replied');
  return {
    received_on: receivedOn,
    received_year: receivedOn === null ? null : yearOf(receivedOn),
    replied_on: reply?.on ?? null,
  };
}

async function writeEvents(
  trx: Tx,
  id: string,
  events: readonly ApplicationEvent[],
  from = 0,
): Promise<void> {
  if (events.length === 0) return;
  events.forEach((e, i) => {
    checkDates(`申请 ${id} 的事件 ${from + i}`, e.on);
  });
  await trx
    .insertInto('application_events')
    .values(
      events.map((event, i) => {
        const { type, on, ...rest } = event;
        return { application_id: id, ordinal: from + i, type, on_date: on, payload: JSON.stringify(rest) };
      }),
    )
    .execute();
}

export interface ApplicationFilter {
  /** The agencies whose applications to list (see `visibleAgencyIds`). */
  agencyIds: readonly string[];
  /** Only those received in this year (本年新收). */
  receivedYear?: number;
}

export function applicationRepository(ctx: StoreContext) {
  /** Re-derives the helper columns after the events or dates changed. */
  const refresh = async (trx: Tx, record: ApplicationRecord): Promise<void> => {
    await trx
      .updateTable('applications')
      .set({ ...derived(record), updated_at: ctx.now() })
      .where('id', '=', record.id)
      .execute();
  };

  const changeEvents = (
    actor: Actor,
    id: string,
    action: string,
    change: (trx: Tx, before: ApplicationRecord) => Promise<void>,
  ): Promise<ApplicationRecord> =>
    inTransaction(ctx, async (trx) => {
      const before = (await load(trx, id)) ?? notFound('申请', id);
      await change(trx, before);
      await refresh(trx, (await load(trx, id)) as ApplicationRecord);
      const after = (await load(trx, id)) as ApplicationRecord;
      await appendAudit(trx, ctx, actor, { action, entity: 'application', entityId: id, before, after });
      return after;
    });

  return {
    get: (id: string) => load(ctx.db, id),

    /** Applications of the given agencies, by day of receipt then id. */
    async list(filter: ApplicationFilter): Promise<ApplicationRecord[]> {
      if (filter.agencyIds.length === 0) return [];
      let q = ctx.db
        .selectFrom('applications')
        .selectAll()
        .where('agency_id', 'in', filter.agencyIds)
        .orderBy('received_on', (ob) => ob.asc().nullsLast())
        .orderBy('submitted_on')
        .orderBy('id');
      if (filter.receivedYear !== undefined) q = q.where('received_year', '=', filter.receivedYear);
      return withEvents(ctx.db, await q.execute());
    },

    /**
     * The applications that can count in an agency's report for `year`: received by 31 December and
     * not replied to before 1 January. A superset of what `placeApplications` keeps (it also leaves
     * out those closed by lapse before the year), so pass these to `compileReport`.
     */
    async forYear(agencyId: string, year: number): Promise<ApplicationRecord[]> {
      const rows = await ctx.db
        .selectFrom('applications')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('received_on', '<=', `${year}-12-31`)
        .where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>=', `${year}-01-01`)]))
        .orderBy('received_on')
        .orderBy('id')
        .execute();
      return withEvents(ctx.db, rows);
    },

    create: (actor: Actor, input: NewApplication): Promise<ApplicationRecord> =>
      inTransaction(ctx, async (trx) => {
        if (!applicantTypes.includes(input.applicant))
          invalid(`申请人类型「${String(input.applicant)}」无效`);
        const id = input.id ?? ctx.newId();
        const events = input.events ?? [];
        const record = {
          channel: input.channel,
          submittedOn: input.submittedOn,
          signedForOn: input.signedForOn ?? null,
          confirmedOn: input.confirmedOn ?? null,
          events,
        };
        const at = ctx.now();
        await trx
          .insertInto('applications')
          .values({
            id,
            agency_id: input.agencyId,
            applicant: input.applicant,
            channel: input.channel,
            submitted_on: input.submittedOn,
            signed_for_on: record.signedForOn,
            confirmed_on: record.confirmedOn,
            ...derived(record),
            request_text: input.requestText,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await writeEvents(trx, id, events);
        return auditCreated<ApplicationRecord>(trx, ctx, actor, 'application', id, load);
      }),

    /** Changes the record's own fields (not its events). */
    update: (actor: Actor, id: string, patch: ApplicationPatch): Promise<ApplicationRecord> =>
      changeEvents(actor, id, 'update', async (trx) => {
        if (patch.applicant !== undefined && !applicantTypes.includes(patch.applicant))
          invalid(`申请人类型「${String(patch.applicant)}」无效`);
        const set = definedFields({
          applicant: patch.applicant,
          channel: patch.channel,
          submitted_on: patch.submittedOn,
          signed_for_on: patch.signedForOn,
          confirmed_on: patch.confirmedOn,
          request_text: patch.requestText,
        });
        if (Object.keys(set).length > 0)
          await trx.updateTable('applications').set(set).where('id', '=', id).execute();
      }),

    /** Adds an event after the last one. */
    appendEvent: (actor: Actor, id: string, event: ApplicationEvent): Promise<ApplicationRecord> =>
      changeEvents(actor, id, 'event', async (trx, before) => {
        await writeEvents(trx, id, [event], before.events.length);
      }),

    /** Replaces every event (to correct a mistake in one). */
    replaceEvents: (
      actor: Actor,
      id: string,
      events: readonly ApplicationEvent[],
    ): Promise<ApplicationRecord> =>
      changeEvents(actor, id, 'events', async (trx) => {
        await trx.deleteFrom('application_events').where('application_id', '=', id).execute();
        await writeEvents(trx, id, events);
      }),

    /** Deletes an application entered by mistake (its events go with it; the audit row keeps both). */
    remove: (actor: Actor, id: string): Promise<void> =>
      inTransaction(ctx, async (trx) => {
        const before = (await load(trx, id)) ?? notFound('申请', id);
        await trx.deleteFrom('applications').where('id', '=', id).execute();
        await appendAudit(trx, ctx, actor, {
          action: 'delete',
          entity: 'application',
          entityId: id,
          before,
          after: null,
        });
      }),
  };
}

export type ApplicationRepository = ReturnType<typeof applicationRepository>;
