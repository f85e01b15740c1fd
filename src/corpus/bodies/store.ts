/**
 * Bodies in the store: a report's agency name resolves to one body (by a person's correction first,
 * then by the normalised match key, then by a unique body the short name ends), created when new.
 * A person merges or corrects bodies; both stick on re-ingest (ingest never changes a body) and
 * are audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../store/audit.js';
import type { Actor, Tx } from '../../store/context.js';
import type { Database } from '../../store/index.js';
import { prepared } from '../../store/prepared.js';
import type { BodyKind, CorpusBodyTable } from '../../store/schema.js';
import { refreshLatest } from '../measures.js';
import { containsText } from '../query.js';
import { reviseBodyKind } from './kind-revision.js';
import { parseBodyName, regionOf } from './names.js';
import { type PlaceSuggestion, placeSuggestions } from './places.js';

type Db = Kysely<Database> | Tx;

/** A correction or merge the corpus refuses: a body that doesn't exist, or a merge into itself. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly reason: 'unknown-body' | 'into-itself',
    /** The body named (for an unknown one). */
    readonly bodyId: string,
  ) {
    super(reason === 'unknown-body' ? `机关「${bodyId}」不存在` : '不能把机关合并到它自己');
  }
}

export interface Body {
  id: string;
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  region: string;
  kind: BodyKind;
  mergedInto: string | null;
  /** 撤销年份: from this year on the body publishes no report (机构改革); null when it stands. */
  dissolvedIn: number | null;
  /** 应发布名录: from this year on it owes its report; null: from its first report's year. */
  expectedFrom: number | null;
  corrected: boolean;
}

const toBody = (row: Selectable<CorpusBodyTable>): Body => ({
  id: row.id,
  name: row.name,
  province: row.province,
  city: row.city,
  county: row.county,
  region: row.region,
  kind: row.kind,
  mergedInto: row.merged_into,
  dissolvedIn: row.dissolved_in,
  expectedFrom: row.expected_from,
  corrected: row.corrected === 1,
});

export async function getBody(db: Db, id: string): Promise<Body | undefined> {
  const row = await db.selectFrom('corpus_bodies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBody(row);
}

// The lookups of every report ingested, prepared once.
const mergedInto = prepared((h, id: string) =>
  (h as Tx).selectFrom('corpus_bodies').select('merged_into').where('id', '=', id),
);
const aliasOf = prepared((h, alias: string) =>
  (h as Tx).selectFrom('corpus_aliases').select('body_id').where('alias', '=', alias),
);
const bodyByKey = prepared((h, matchKey: string) =>
  (h as Tx).selectFrom('corpus_bodies').select('id').where('match_key', '=', matchKey),
);

/** Follows merges to the body that stands (the id itself when it was never merged). */
export async function standing(db: Db, id: string): Promise<string> {
  let current = id;
  for (let i = 0; i < 32; i++) {
    const [row] = await mergedInto(db, current);
    if (!row?.merged_into) return current;
    current = row.merged_into;
  }
  return current;
}

/** The body of an agency name, created when none matches (inside the caller's transaction). */
export async function resolveBody(
  trx: Tx,
  raw: string,
  now: string,
  newId: () => string = randomUUID,
): Promise<string> {
  const parsed = parseBodyName(raw);
  const [alias] = await aliasOf(trx, parsed.matchKey);
  if (alias) return standing(trx, alias.body_id);
  const [byKey] = await bodyByKey(trx, parsed.matchKey);
  if (byKey) return standing(trx, byKey.id);
  if (!parsed.county && !parsed.city && !parsed.province) {
    // 「区工业和信息化局」: the one body whose key ends with it, if there is exactly one.
    const candidates = await trx
      .selectFrom('corpus_bodies')
      .select('id')
      .where('merged_into', 'is', null)
      .where('match_key', 'like', `%${parsed.matchKey.replace(/[%_]/g, '')}`)
      .where('match_key', '!=', parsed.matchKey)
      .limit(2)
      .execute();
    if (candidates.length === 1) return (candidates[0] as { id: string }).id;
  }
  const id = newId();
  await trx
    .insertInto('corpus_bodies')
    .values({
      id,
      name: parsed.name,
      match_key: parsed.matchKey,
      province: parsed.province,
      city: parsed.city,
      county: parsed.county,
      region: regionOf(parsed),
      kind: parsed.kind,
      merged_into: null,
      created_at: now,
    })
    .execute();
  return id;
}

export interface BodyCorrection {
  name?: string;
  province?: string | null;
  city?: string | null;
  county?: string | null;
  kind?: BodyKind;
  /** null clears it. */
  dissolvedIn?: number | null;
  /** null clears it. */
  expectedFrom?: number | null;
}

/**
 * A person corrects a body's name, places, kind, 撤销年份 or the year it owes reports from (应发布名录):
 * marked corrected, audited. A new kind
 * recomputes its reports' deadline, lateness and kind-dependent findings (./kind-revision.ts).
 */
export async function correctBody(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  patch: BodyCorrection,
  now: string,
): Promise<Body> {
  return db.transaction().execute(async (trx) => {
    const before = await getBody(trx, id);
    if (!before) throw new BodyError('unknown-body', id);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    await trx
      .updateTable('corpus_bodies')
      .set({
        name: next.name,
        province: next.province,
        city: next.city,
        county: next.county,
        region: regionOf(next),
        kind: next.kind,
        dissolved_in: next.dissolvedIn,
        expected_from: next.expectedFrom,
        corrected: 1,
      })
      .where('id', '=', id)
      .execute();
    const after = (await getBody(trx, id)) as Body;
    // A corrected kind changes the deadline: the body's reports are judged again by it.
    if (after.kind !== before.kind) await reviseBodyKind(trx, id, after.kind);
    await appendAudit(trx, { now: () => now } as never, actor, {
      action: 'correct',
      entity: 'corpus_body',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** A list naming bodies its importer may not see: nothing of it is imported. */
export class RosterScopeError extends Error {
  override name = 'RosterScopeError';
  constructor(readonly names: readonly string[]) {
    super(`名录中的机关不在查看范围内：${names.join('、')}`);
  }
}

/** A name of a list of the bodies that must publish (应发布名录), and the body it stands for. */
export interface RosterEntry {
  name: string;
  bodyId: string;
  /** The body's name as the corpus holds it (the list's spelling may be another of its names). */
  bodyName: string;
  /** The body was new: no report nor earlier name of the corpus named it. */
  created: boolean;
  /** The year it owes reports from now (the earlier of the list's and one set before). */
  expectedFrom: number;
}

/**
 * Imports a list of the bodies that must publish (应发布名录) from `from` on: each name resolves to its
 * body as a report's agency would (created, places and kind from the name, when no body has that
 * name), which then owes its reports from `from` — or from an earlier year set before. Blank lines and
 * names given twice count once. In one transaction, audited as one import; returns each name's body.
 */
export async function importRoster(
  db: Kysely<Database>,
  actor: Actor,
  names: readonly string[],
  from: number,
  now: string,
  options: {
    /**
     * Of the bodies the names stand for (made by now, inside the transaction), those the importer may
     * not see: when there are any, nothing is imported (RosterScopeError names them).
     */
    outOfScope?: (trx: Tx, bodyIds: readonly string[]) => Promise<string[]>;
  } = {},
): Promise<RosterEntry[]> {
  const listed = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
  return db.transaction().execute(async (trx) => {
    const entries: RosterEntry[] = [];
    for (const name of listed) {
      // A body made for the name has the id made here (resolveBody makes one only when none matches).
      let made: string | null = null;
      const bodyId = await resolveBody(trx, name, now, () => {
        made = randomUUID();
        return made;
      });
      const body = (await getBody(trx, bodyId)) as Body;
      const expectedFrom = body.expectedFrom === null ? from : Math.min(body.expectedFrom, from);
      if (expectedFrom !== body.expectedFrom)
        await trx
          .updateTable('corpus_bodies')
          .set({ expected_from: expectedFrom })
          .where('id', '=', bodyId)
          .execute();
      entries.push({ name, bodyId, bodyName: body.name, created: bodyId === made, expectedFrom });
    }
    const unseen = new Set(
      options.outOfScope
        ? await options.outOfScope(
            trx,
            entries.map((e) => e.bodyId),
          )
        : [],
    );
    if (unseen.size > 0)
      throw new RosterScopeError(entries.filter((e) => unseen.has(e.bodyId)).map((e) => e.name));
    await appendAudit(trx, { now: () => now } as never, actor, {
      action: 'import-roster',
      entity: 'corpus_body',
      entityId: `roster-${from}`,
      before: null,
      after: { from, bodies: entries.map((e) => e.bodyId) },
    });
    return entries;
  });
}

/**
 * Merges body `from` into body `into`: its reports move, its spellings name `into` from now on,
 * and `from` stays as a pointer. Versions are renumbered after the existing ones of `into`, which
 * keeps its own 撤销年份: `from` was another spelling of it, not a body of its own. A year `from` owed
 * reports from (应发布名录: a list's spelling made a body of its own) carries over when earlier.
 */
export async function mergeBodies(
  db: Kysely<Database>,
  actor: Actor,
  from: string,
  into: string,
  now: string,
): Promise<Body> {
  return db.transaction().execute(async (trx) => {
    const source = await getBody(trx, from);
    const target = await getBody(trx, await standing(trx, into));
    if (!source) throw new BodyError('unknown-body', from);
    if (!target) throw new BodyError('unknown-body', into);
    if (source.id === target.id) throw new BodyError('into-itself', into);
    const moved = await trx
      .selectFrom('corpus_reports')
      .select(['id', 'year'])
      .where('body_id', '=', source.id)
      .orderBy('year')
      .orderBy('version')
      .execute();
    for (const report of moved) {
      const last = await trx
        .selectFrom('corpus_reports')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('body_id', '=', target.id)
        .where(report.year === null ? (eb) => eb('year', 'is', null) : (eb) => eb('year', '=', report.year))
        .executeTakeFirst();
      await trx
        .updateTable('corpus_reports')
        .set({ body_id: target.id, version: Number(last?.v ?? 0) + 1 })
        .where('id', '=', report.id)
        .execute();
    }
    if (moved.length > 0) {
      for (const table of ['corpus_measures', 'corpus_finding_counts'] as const)
        await trx
          .updateTable(table)
          .set({ body_id: target.id })
          .where(
            'report_id',
            'in',
            moved.map((r) => r.id),
          )
          .execute();
      await refreshLatest(trx, target.id);
      // The reports moved are judged by the kind of the body they now belong to.
      if (source.kind !== target.kind) await reviseBodyKind(trx, target.id, target.kind);
    }
    const key = await trx
      .selectFrom('corpus_bodies')
      .select('match_key')
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('corpus_aliases')
      .set({ body_id: target.id })
      .where('body_id', '=', source.id)
      .execute();
    const existing = await trx
      .selectFrom('corpus_aliases')
      .select('alias')
      .where('alias', '=', key.match_key)
      .executeTakeFirst();
    if (existing)
      await trx
        .updateTable('corpus_aliases')
        .set({ body_id: target.id })
        .where('alias', '=', key.match_key)
        .execute();
    else
      await trx.insertInto('corpus_aliases').values({ alias: key.match_key, body_id: target.id }).execute();
    await trx
      .updateTable('corpus_bodies')
      .set({ merged_into: target.id, corrected: 1 })
      .where('id', '=', source.id)
      .execute();
    const owedFrom = [source.expectedFrom, target.expectedFrom].filter((y): y is number => y !== null);
    const expectedFrom = owedFrom.length > 0 ? Math.min(...owedFrom) : null;
    if (expectedFrom !== target.expectedFrom)
      await trx
        .updateTable('corpus_bodies')
        .set({ expected_from: expectedFrom })
        .where('id', '=', target.id)
        .execute();
    await appendAudit(trx, { now: () => now } as never, actor, {
      action: 'merge',
      entity: 'corpus_body',
      entityId: source.id,
      before: source,
      after: { ...source, mergedInto: target.id, reports: moved.length },
    });
    return { ...target, expectedFrom };
  });
}

/** A body as listed: with how many report versions the corpus holds of it. */
export interface ListedBody extends Body {
  reports: number;
}

/** Which standing bodies to list: text in the name or the region, a kind, those in view, a page. */
export interface BodiesQuery {
  /** Text found in the name or the region (trimmed; empty is none). */
  q?: string | undefined;
  kind?: BodyKind | undefined;
  /** The bodies a user may see; null or absent for the whole corpus. */
  bodyIds?: readonly string[] | null | undefined;
  /** How many of the bodies chosen to skip, and the most to answer (all from `offset` without it). */
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The standing bodies (not merged away) a query chooses, before paging: to select from or count. */
function chosenBodies(db: Db, query: BodiesQuery) {
  const words = query.q?.trim() ?? '';
  const { kind, bodyIds } = query;
  return db
    .selectFrom('corpus_bodies as b')
    .where('b.merged_into', 'is', null)
    .$if(bodyIds !== null && bodyIds !== undefined, (q) =>
      q.where((eb) => (bodyIds?.length ? eb('b.id', 'in', [...bodyIds]) : eb.lit(false))),
    )
    .$if(kind !== undefined, (q) => q.where('b.kind', '=', kind as BodyKind))
    .$if(words !== '', (q) =>
      q.where((eb) =>
        eb.or([containsText(eb.ref('b.name'), words), containsText(eb.ref('b.region'), words)]),
      ),
    );
}

/**
 * Bodies that stand (not merged away), by region, name and id, each with its count of reports: all
 * of them, or those a query chooses, a page of them when it gives `offset` or `limit`.
 */
export async function listBodies(db: Db, query: BodiesQuery = {}): Promise<ListedBody[]> {
  const rows = await chosenBodies(db, query)
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('corpus_reports as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.body_id', '=', 'b.id')
        .as('reports'),
    )
    .orderBy('b.region')
    .orderBy('b.name')
    .orderBy('b.id')
    // SQLite takes an offset only after a limit (PostgreSQL no negative one): all is a large one.
    .$if(query.limit !== undefined || (query.offset ?? 0) > 0, (q) =>
      q.limit(query.limit ?? 2_147_483_647).offset(query.offset ?? 0),
    )
    .execute();
  return rows.map((row) => ({ ...toBody(row), reports: Number(row.reports ?? 0) }));
}

/** How many standing bodies a query chooses, before paging. */
export async function countBodies(
  db: Db,
  query: Omit<BodiesQuery, 'offset' | 'limit'> = {},
): Promise<number> {
  const row = await chosenBodies(db, query)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The places the corpus suggests for the standing bodies in view (all when `scope` is null). */
export async function suggestPlaces(db: Db, scope: readonly string[] | null): Promise<PlaceSuggestion[]> {
  return placeSuggestions(await listBodies(db, { bodyIds: scope }));
}

/**
 * Takes the suggested places of the bodies asked for (a person confirmed them), each a correction
 * (audited, kept on re-ingest). Bodies with no suggestion now are left as they are; answers the
 * bodies changed.
 */
export async function applyPlaces(
  db: Kysely<Database>,
  actor: Actor,
  bodyIds: readonly string[],
  scope: readonly string[] | null,
  now: string,
): Promise<Body[]> {
  const asked = new Set(bodyIds);
  const applied: Body[] = [];
  for (const s of await suggestPlaces(db, scope))
    if (asked.has(s.bodyId))
      applied.push(
        await correctBody(
          db,
          actor,
          s.bodyId,
          { province: s.suggested.province, city: s.suggested.city },
          now,
        ),
      );
  return applied;
}
