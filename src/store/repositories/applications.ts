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
  bumpVersion,
  definedFields,
  inTransaction,
  notFound,
  type StoreContext,
  type Tx,
} from '../context.js';
import { StoreError } from '../errors.js';
import { nextNumber } from '../numbers.js';
import { prepared } from '../prepared.js';
import type { ApplicationEventRow, ApplicationRow } from '../schema.js';

/** An application as stored: the workflow's record plus the agency and the request. */
export interface ApplicationRecord extends Application {
  agencyId: string;
  /** The agency's own number for it (2026-001), unique per agency. */
  number: string;
  /** What the applicant asked for (申请内容). */
  requestText: string;
  /** 申请人姓名或者名称 ('' when not recorded). */
  applicantName: string;
  /** 联系方式 ('' when not recorded). */
  applicantContact: string;
  /** 获取信息的方式、途径 the applicant asked for ('' when not recorded). */
  delivery: string;
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
  /** Defaults to the next of the agency's year of receipt (or submission): 2026-001, 2026-002, … */
  number?: string;
  applicant: Application['applicant'];
  channel: Application['channel'];
  submittedOn: IsoDate;
  signedForOn?: IsoDate | null;
  confirmedOn?: IsoDate | null;
  requestText: string;
  applicantName?: string;
  applicantContact?: string;
  delivery?: string;
  events?: readonly ApplicationEvent[];
}

export type ApplicationPatch = Partial<
  Pick<
    ApplicationRecord,
    | 'applicant'
    | 'applicantName'
    | 'applicantContact'
    | 'delivery'
    | 'channel'
    | 'submittedOn'
    | 'signedForOn'
    | 'confirmedOn'
    | 'requestText'
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
    number: row.number,
    applicant: row.applicant,
    channel: row.channel,
    submittedOn: row.submitted_on,
    signedForOn: row.signed_for_on,
    confirmedOn: row.confirmed_on,
    receivedOn: row.received_on,
    requestText: row.request_text,
    applicantName: row.applicant_name,
    applicantContact: row.applicant_contact,
    delivery: row.delivery,
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

/** The queries of every write to a record, prepared once. */
const rowOf = prepared((h, id: string) =>
  (h as Tx).selectFrom('applications').selectAll().where('id', '=', id),
);
const lockedRowOf = prepared((h, id: string) =>
  (h as Tx).selectFrom('applications').selectAll().where('id', '=', id).forUpdate(),
);
const eventsOf = prepared((h, id: string) =>
  (h as Tx).selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('ordinal'),
);
const insertEvent = prepared(
  (h, applicationId: string, ordinal: number, type: string, on: string, payload: string) =>
    (h as Tx).insertInto('application_events').values({
      application_id: applicationId,
      ordinal,
      type: type as ApplicationEvent['type'],
      on_date: on,
      payload,
    }),
);
const updateDerived = prepared(
  (
    h,
    receivedOn: IsoDate | null,
    receivedYear: number | null,
    repliedOn: IsoDate | null,
    updatedAt: string,
    id: string,
  ) =>
    (h as Tx)
      .updateTable('applications')
      .set({
        received_on: receivedOn,
        received_year: receivedYear,
        replied_on: repliedOn,
        updated_at: updatedAt,
      })
      .where('id', '=', id),
);

const refById = prepared((h, agencyId: string, id: string) =>
  (h as Tx)
    .selectFrom('applications')
    .select(['id', 'agency_id'])
    .where('agency_id', '=', agencyId)
    .where('id', '=', id),
);
const refByNumber = prepared((h, agencyId: string, number: string) =>
  (h as Tx)
    .selectFrom('applications')
    .select(['id', 'agency_id'])
    .where('agency_id', '=', agencyId)
    .where('number', '=', number),
);

/** Loads a record inside a write's transaction, locking its row until the end (where rows lock). */
const loadLocked = async (ctx: StoreContext, trx: Tx, id: string): Promise<ApplicationRecord | undefined> => {
  const [row] = await (ctx.capabilities.rowLocks ? lockedRowOf : rowOf)(trx, id);
  return row && toRecord(row, (await eventsOf(trx, id)).map(toEvent));
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
  if (events.length === 1) {
    const { type, on, ...rest } = events[0] as ApplicationEvent;
    await insertEvent(trx, id, from, type, on, JSON.stringify(rest));
    return;
  }
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
  const changeEvents = (
    actor: Actor,
    id: string,
    action: string,
    change: (trx: Tx, before: ApplicationRecord) => Promise<void>,
  ): Promise<ApplicationRecord> =>
    inTransaction(ctx, async (trx) => {
      const before = (await loadLocked(ctx, trx, id)) ?? notFound('申请', id);
      await bumpVersion(trx, before.agencyId);
      await change(trx, before);
      const changed = (await load(trx, id)) as ApplicationRecord;
      const columns = derived(changed);
      const at = ctx.now();
      await trx
        .updateTable('applications')
        .set({ ...columns, updated_at: at })
        .where('id', '=', id)
        .execute();
      const after: ApplicationRecord = { ...changed, receivedOn: columns.received_on, updatedAt: at };
      await appendAudit(trx, ctx, actor, { action, entity: 'application', entityId: id, before, after });
      return after;
    });

  return {
    get: (id: string) => load(ctx.db, id),

    /**
     * The records of the given agencies a reference names: its id, or else its number (a number may
     * be used by several of the agencies).
     */
    async find(ref: string, agencyIds: readonly string[]): Promise<ApplicationRecord[]> {
      if (agencyIds.length === 0) return [];
      const base = ctx.db.selectFrom('applications').selectAll().where('agency_id', 'in', agencyIds);
      const byId = await base.where('id', '=', ref).execute();
      const rows =
        byId.length > 0 ? byId : await base.where('number', '=', ref).orderBy('agency_id').execute();
      return withEvents(ctx.db, rows);
    },

    /**
     * Like `find`, the id and agency only (no events): enough to check visibility before a write,
     * which then loads the record once, inside its transaction.
     */
    async findRefs(ref: string, agencyIds: readonly string[]): Promise<{ id: string; agencyId: string }[]> {
      if (agencyIds.length === 0) return [];
      if (agencyIds.length === 1) {
        // One agency (every user but a supervisor's): prepared, as it comes before every write.
        const [agencyId] = agencyIds as [string];
        const byId = await refById(ctx.db, agencyId, ref);
        const rows = byId.length > 0 ? byId : await refByNumber(ctx.db, agencyId, ref);
        return rows.map((r) => ({ id: r.id, agencyId: r.agency_id }));
      }
      const base = ctx.db
        .selectFrom('applications')
        .select(['id', 'agency_id'])
        .where('agency_id', 'in', agencyIds);
      const byId = await base.where('id', '=', ref).execute();
      const rows =
        byId.length > 0 ? byId : await base.where('number', '=', ref).orderBy('agency_id').execute();
      return rows.map((r) => ({ id: r.id, agencyId: r.agency_id }));
    },

    /** The numbers of the applications with the given ids (an id not found is left out). */
    async numbersOf(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await ctx.db
        .selectFrom('applications')
        .select(['id', 'number'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.number]));
    },

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
        const columns = derived(record);
        await bumpVersion(trx, input.agencyId);
        const number =
          input.number ??
          (await nextNumber(
            trx,
            'applications',
            input.agencyId,
            columns.received_year ?? yearOf(input.submittedOn),
          ));
        const at = ctx.now();
        await trx
          .insertInto('applications')
          .values({
            id,
            agency_id: input.agencyId,
            number,
            applicant: input.applicant,
            channel: input.channel,
            submitted_on: input.submittedOn,
            signed_for_on: record.signedForOn,
            confirmed_on: record.confirmedOn,
            ...columns,
            request_text: input.requestText,
            applicant_name: input.applicantName ?? '',
            applicant_contact: input.applicantContact ?? '',
            delivery: input.delivery ?? '',
            created_at: at,
            updated_at: at,
          })
          .execute();
        await writeEvents(trx, id, events);
        return auditCreated<ApplicationRecord>(trx, ctx, actor, 'application', id, load);
      }),

    /**
     * Changes the record's own fields (not its events). `check` sees the record as it was, inside the
     * transaction that holds it (see `appendEvent`): throwing there stores nothing.
     */
    update: (
      actor: Actor,
      id: string,
      patch: ApplicationPatch,
      check?: (before: ApplicationRecord) => void,
    ): Promise<ApplicationRecord> =>
      changeEvents(actor, id, 'update', async (trx, before) => {
        check?.(before);
        if (patch.applicant !== undefined && !applicantTypes.includes(patch.applicant))
          invalid(`申请人类型「${String(patch.applicant)}」无效`);
        const set = definedFields({
          applicant: patch.applicant,
          channel: patch.channel,
          submitted_on: patch.submittedOn,
          signed_for_on: patch.signedForOn,
          confirmed_on: patch.confirmedOn,
          request_text: patch.requestText,
          applicant_name: patch.applicantName,
          applicant_contact: patch.applicantContact,
          delivery: patch.delivery,
        });
        if (Object.keys(set).length > 0)
          await trx.updateTable('applications').set(set).where('id', '=', id).execute();
      }),

    /**
     * Adds an event after the last one. `check` sees the record as it is inside the transaction, with
     * its row locked (PostgreSQL) or the database's write lock held (SQLite): throwing there stores
     * nothing, and no other write to the record can come between the check and the append. The
     * record is read once; the record after is worked out from it.
     */
    appendEvent: (
      actor: Actor,
      id: string,
      event: ApplicationEvent,
      check?: (before: ApplicationRecord) => void,
    ): Promise<ApplicationRecord> =>
      inTransaction(ctx, async (trx) => {
        const before = (await loadLocked(ctx, trx, id)) ?? notFound('申请', id);
        check?.(before);
        await bumpVersion(trx, before.agencyId);
        await writeEvents(trx, id, [event], before.events.length);
        const at = ctx.now();
        const events = [...before.events, event];
        const columns = derived({ ...before, events });
        await updateDerived(trx, columns.received_on, columns.received_year, columns.replied_on, at, id);
        const after: ApplicationRecord = {
          ...before,
          events,
          receivedOn: columns.received_on,
          updatedAt: at,
        };
        await appendAudit(trx, ctx, actor, {
          action: 'event',
          entity: 'application',
          entityId: id,
          before,
          after,
        });
        return after;
      }),

    /**
     * Takes the event at `ordinal` out of the record (entered by mistake); the audit row (action
     * `void`) keeps the record before, and the event with the reason. `check` sees the record and
     * the events that would remain, inside the transaction, and may refuse.
     */
    voidEvent: (
      actor: Actor,
      id: string,
      ordinal: number,
      reason: string,
      check?: (before: ApplicationRecord, events: ApplicationEvent[]) => void,
    ): Promise<ApplicationRecord> =>
      inTransaction(ctx, async (trx) => {
        const before = (await loadLocked(ctx, trx, id)) ?? notFound('申请', id);
        const events = before.events.filter((_, i) => i !== ordinal);
        check?.(before, events);
        if (ordinal < 0 || ordinal >= before.events.length) notFound('申请的事件', `${id}#${ordinal}`);
        await bumpVersion(trx, before.agencyId);
        await trx.deleteFrom('application_events').where('application_id', '=', id).execute();
        await writeEvents(trx, id, events);
        const at = ctx.now();
        const columns = derived({ ...before, events });
        await trx
          .updateTable('applications')
          .set({ ...columns, updated_at: at })
          .where('id', '=', id)
          .execute();
        const after: ApplicationRecord = {
          ...before,
          events,
          receivedOn: columns.received_on,
          updatedAt: at,
        };
        await appendAudit(trx, ctx, actor, {
          action: 'void',
          entity: 'application',
          entityId: id,
          before,
          after: { ...after, voided: { ordinal, event: before.events[ordinal], reason } },
        });
        return after;
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
        const before = (await loadLocked(ctx, trx, id)) ?? notFound('申请', id);
        await bumpVersion(trx, before.agencyId);
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
