/** The store on both backends: migrations, each repository's round trip with its audit rows, scoping. */
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import {
  type Actor,
  actorOf,
  migrations,
  openStore,
  type Store,
  StoreError,
  systemActor,
} from '../../src/store/index.js';
import { compileReport } from '../../src/workflow/index.js';
import { countingIds, describeEachBackend, type Target } from './backends.js';

/** A clock that stays where it is set. */
function fixedClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    set(next: string) {
      current = new Date(next);
    },
  };
}

const T0 = '2024-03-01T09:00:00.000Z';
const T1 = '2024-03-02T10:30:00.000Z';
const initial = '2026-11-22-01-initial';
/** Every migration of this version, in order (other work adds its own after the initial one). */
const known = Object.keys(migrations);

const tables = [
  'agencies',
  'application_events',
  'applications',
  'audit_log',
  'cases',
  'data_versions',
  'proactive_figures',
  'report_prose',
  'reports',
  'sessions',
  'supervisor_agencies',
  'users',
  'corpus_aliases',
  'corpus_bodies',
  'corpus_cells',
  'corpus_findings',
  'corpus_measures',
  'corpus_reports',
].sort();

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describeEachBackend('store', (backend) => {
  let target: Target;
  let store: Store;
  let clock: ReturnType<typeof fixedClock>;
  const open = (extra: Parameters<typeof openStore>[0] = {}) =>
    openStore({ ...target.options, now: clock.now, newId: countingIds(), ...extra });

  beforeEach(async () => {
    target = await backend.fresh();
    clock = fixedClock(T0);
    store = await open();
  });

  afterEach(async () => {
    await store.close();
    await target.dispose();
  });

  /** An agency, an admin of it, and that admin as actor. */
  async function seed(): Promise<{ agencyId: string; actor: Actor }> {
    const agency = await store.agencies.create(systemActor, { id: 'a1', name: '湟源县人民政府办公室' });
    const admin = await store.users.create(systemActor, {
      id: 'u-admin',
      username: 'admin',
      displayName: '管理员',
      passwordHash: 'hash:admin',
      role: 'admin',
      agencyId: agency.id,
    });
    return { agencyId: agency.id, actor: actorOf(admin) };
  }

  it('migrates an empty database to the known list and opens it again without change', async () => {
    expect(known[0]).toBe(initial);
    expect(known).toContain('2026-12-02-02-register-hardening');
    expect(await store.migrations()).toEqual(known);
    const names = (await store.db.introspection.getTables()).map((t) => t.name).sort();
    expect(names).toEqual(expect.arrayContaining(tables));
    expect(await store.integrityCheck()).toEqual([]);

    await store.agencies.create(systemActor, { id: 'a1', name: '某县人民政府办公室' });
    await store.close();
    store = await open();
    expect(await store.migrations()).toEqual(known);
    expect((await store.agencies.list()).map((a) => a.name)).toEqual(['某县人民政府办公室']);
    expect((await store.audit.list()).length).toBe(1);
  });

  it('migrates down to empty and up again', async () => {
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => ({ ...migrations }) },
    });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual(
      [...known].reverse().map((name) => [name, 'Down', 'Success']),
    );
    const left = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(left).toEqual([]);
    const up = await migrator.migrateToLatest();
    expect(up.results?.map((r) => [r.migrationName, r.status])).toEqual(known.map((n) => [n, 'Success']));
    expect((await store.db.introspection.getTables()).map((t) => t.name).sort()).toEqual(
      expect.arrayContaining(tables),
    );
    await seed();
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
  });

  it('runs a new migration added after the executed ones', async () => {
    await store.close();
    const later = '2099-01-01-01-later';
    store = await open({
      migrations: {
        ...migrations,
        [later]: {
          up: async (db) => {
            await db.schema.createTable('later').addColumn('id', 'integer').execute();
          },
          down: async (db) => {
            await db.schema.dropTable('later').execute();
          },
        },
      },
    });
    expect(await store.migrations()).toEqual([...known, later]);
  });

  it('refuses a database whose executed migrations are not a prefix of the known list', async () => {
    await store.close();
    // This version knows fewer migrations than the database has run.
    const fewer = await rejection(open({ migrations: {} }));
    expect(fewer.code).toBe('store.migration');
    expect(fewer.message).toContain(`previously executed migration ${initial} is missing`);

    // The database has run a migration this version has never heard of.
    store = await open();
    await store.db
      .insertInto('kysely_migration' as never)
      .values({ name: '2099-12-31-01-unknown', timestamp: '2099-12-31T00:00:00.000Z' } as never)
      .execute();
    await store.close();
    const unknown = await rejection(open());
    expect(unknown.code).toBe('store.migration');
    expect(unknown.message).toContain('2099-12-31-01-unknown');
    store = await open({
      migrations: { ...migrations, '2099-12-31-01-unknown': { up: async () => {} } },
    });
  });

  it('keeps agencies, with an audit row for each change', async () => {
    const created = await store.agencies.create(systemActor, {
      id: 'a1',
      name: '某县人民政府办公室',
      region: '青海省西宁市湟源县',
    });
    expect(created).toEqual({
      id: 'a1',
      name: '某县人民政府办公室',
      region: '青海省西宁市湟源县',
      code: null,
      createdAt: T0,
    });
    clock.set(T1);
    const updated = await store.agencies.update(systemActor, 'a1', { code: '11630123MB1234567X' });
    expect(updated).toEqual({ ...created, code: '11630123MB1234567X' });
    expect(await store.agencies.get('a1')).toEqual(updated);
    expect(await store.agencies.get('nope')).toBeUndefined();
    await store.agencies.create(systemActor, { id: 'a0', name: '一个机关' });
    expect((await store.agencies.list()).map((a) => a.id)).toEqual(['a0', 'a1']);
    expect((await store.agencies.list(['a1'])).map((a) => a.id)).toEqual(['a1']);
    expect(await store.agencies.list([])).toEqual([]);

    expect(await store.audit.list({ entity: 'agency', entityId: 'a1' })).toEqual([
      {
        id: 1,
        at: T0,
        userId: null,
        action: 'create',
        entity: 'agency',
        entityId: 'a1',
        before: null,
        after: created,
      },
      {
        id: 2,
        at: T1,
        userId: null,
        action: 'update',
        entity: 'agency',
        entityId: 'a1',
        before: created,
        after: updated,
      },
    ]);
    expect((await rejection(store.agencies.update(systemActor, 'nope', { name: 'x' }))).code).toBe(
      'store.not-found',
    );
  });

  it('keeps users and supervised agencies; the hash never reaches the audit log', async () => {
    const { agencyId, actor } = await seed();
    await store.agencies.create(actor, { id: 'a2', name: '某市交通运输局' });
    const clerk = await store.users.create(actor, {
      id: 'u-clerk',
      username: 'clerk',
      displayName: '张三',
      passwordHash: 'hash:one',
      role: 'clerk',
      agencyId,
    });
    expect(clerk).toEqual({
      id: 'u-clerk',
      username: 'clerk',
      displayName: '张三',
      role: 'clerk',
      agencyId: 'a1',
      createdAt: T0,
      disabledAt: null,
    });
    expect(await store.users.credentials('clerk')).toEqual({ user: clerk, passwordHash: 'hash:one' });
    // Usernames are one account regardless of case.
    expect(await store.users.credentials('CLERK')).toEqual({ user: clerk, passwordHash: 'hash:one' });
    const dup = await rejection(
      store.users.create(actor, {
        username: 'Clerk',
        displayName: 'x',
        passwordHash: 'h',
        role: 'clerk',
        agencyId,
      }),
    );
    expect(dup.code).toBe('store.conflict');
    await store.users.setPasswordHash(actor, 'u-clerk', 'hash:two');
    expect((await store.users.credentials('clerk'))?.passwordHash).toBe('hash:two');
    const reviewer = await store.users.update(actor, 'u-clerk', {
      role: 'reviewer',
      displayName: '张三（审核）',
    });
    expect(reviewer).toEqual({ ...clerk, role: 'reviewer', displayName: '张三（审核）' });
    expect(await store.users.getByUsername('clerk')).toEqual(reviewer);

    const taken = await rejection(
      store.users.create(actor, {
        username: 'clerk',
        displayName: '李四',
        passwordHash: 'x',
        role: 'clerk',
        agencyId,
      }),
    );
    expect(taken.code).toBe('store.conflict');
    const noAgency = await rejection(
      store.users.create(actor, {
        username: 'lost',
        displayName: '无机关',
        passwordHash: 'x',
        role: 'clerk',
      }),
    );
    expect(noAgency.code).toBe('store.invalid');

    const supervisor = await store.users.create(actor, {
      id: 'u-sup',
      username: 'sup',
      displayName: '监督员',
      passwordHash: 'hash:sup',
      role: 'supervisor',
    });
    expect(supervisor.agencyId).toBeNull();
    expect(await store.users.setSupervisedAgencies(actor, 'u-sup', ['a2', 'a1', 'a2'])).toEqual(['a1', 'a2']);
    expect(await store.users.setSupervisedAgencies(actor, 'u-sup', ['a2'])).toEqual(['a2']);
    expect(await store.users.supervisedAgencies('u-sup')).toEqual(['a2']);
    expect((await rejection(store.users.setSupervisedAgencies(actor, 'u-clerk', ['a1']))).code).toBe(
      'store.invalid',
    );
    expect((await store.users.list({ agencyId })).map((u) => u.username)).toEqual(['admin', 'clerk']);

    const audit = await store.audit.list({ entity: 'user' });
    expect(audit.map((a) => [a.action, a.entityId, a.userId])).toEqual([
      ['create', 'u-admin', null],
      ['create', 'u-clerk', 'u-admin'],
      ['password', 'u-clerk', 'u-admin'],
      ['update', 'u-clerk', 'u-admin'],
      ['create', 'u-sup', 'u-admin'],
      ['supervise', 'u-sup', 'u-admin'],
      ['supervise', 'u-sup', 'u-admin'],
    ]);
    expect(audit[5]).toMatchObject({ before: { agencyIds: [] }, after: { agencyIds: ['a1', 'a2'] } });
    expect(audit[6]).toMatchObject({ before: { agencyIds: ['a1', 'a2'] }, after: { agencyIds: ['a2'] } });
    expect(JSON.stringify(await store.audit.list())).not.toContain('hash:');
  });

  it('keeps sessions until they expire', async () => {
    const { actor } = await seed();
    const session = await store.sessions.create(actor, {
      tokenHash: 'f00dfeedcafe0123456789',
      userId: 'u-admin',
      expiresAt: '2024-03-01T17:00:00.000Z',
    });
    expect(session).toEqual({
      tokenHash: 'f00dfeedcafe0123456789',
      userId: 'u-admin',
      createdAt: T0,
      expiresAt: '2024-03-01T17:00:00.000Z',
    });
    const found = await store.sessions.find('f00dfeedcafe0123456789');
    expect(found?.session).toEqual(session);
    expect(found?.user).toEqual(await store.users.get('u-admin'));
    expect(await store.sessions.find('f00dfeedcafe0123456789', '2024-03-01T17:00:00.000Z')).toBeUndefined();
    expect(await store.sessions.find('other')).toBeUndefined();

    await store.sessions.create(actor, {
      tokenHash: 'beef',
      userId: 'u-admin',
      expiresAt: '2024-03-05T00:00:00.000Z',
    });
    expect(await store.sessions.removeExpired(systemActor, '2024-03-02T00:00:00.000Z')).toBe(1);
    expect(await store.sessions.find('f00dfeedcafe0123456789', T0)).toBeUndefined();
    expect(await store.sessions.remove(actor, 'beef')).toBe(true);
    expect(await store.sessions.remove(actor, 'beef')).toBe(false);

    const audit = (await store.audit.list({ entity: 'user', entityId: 'u-admin' })).slice(1);
    expect(audit.map((a) => [a.action, a.userId, a.before, a.after])).toEqual([
      [
        'login',
        'u-admin',
        null,
        { session: 'f00dfeedcafe', userId: 'u-admin', expiresAt: '2024-03-01T17:00:00.000Z' },
      ],
      [
        'login',
        'u-admin',
        null,
        { session: 'beef', userId: 'u-admin', expiresAt: '2024-03-05T00:00:00.000Z' },
      ],
      [
        'expire',
        null,
        { session: 'f00dfeedcafe', userId: 'u-admin', expiresAt: '2024-03-01T17:00:00.000Z' },
        null,
      ],
      [
        'logout',
        'u-admin',
        { session: 'beef', userId: 'u-admin', expiresAt: '2024-03-05T00:00:00.000Z' },
        null,
      ],
    ]);
  });

  it('keeps applications with their events as the workflow record', async () => {
    const { agencyId, actor } = await seed();
    const created = await store.applications.create(actor, {
      id: 'app-1',
      agencyId,
      applicant: 'np',
      channel: 'online',
      submittedOn: '2024-02-27',
      confirmedOn: '2024-02-28',
      requestText: '申请公开2023年度某项目的环评批复',
    });
    expect(created).toEqual({
      id: 'app-1',
      agencyId: 'a1',
      number: '2024-001',
      applicant: 'np',
      channel: 'online',
      submittedOn: '2024-02-27',
      signedForOn: null,
      confirmedOn: '2024-02-28',
      receivedOn: '2024-02-28',
      requestText: '申请公开2023年度某项目的环评批复',
      // Not given: the register has no name, contact or form asked for (empty strings).
      applicantName: '',
      applicantContact: '',
      delivery: '',
      events: [],
      createdAt: T0,
      updatedAt: T0,
    });
    clock.set(T1);
    await store.applications.appendEvent(actor, 'app-1', {
      type: 'consultationSent',
      on: '2024-03-04',
      party: 'thirdParty',
    });
    const replied = await store.applications.appendEvent(actor, 'app-1', {
      type: 'replied',
      on: '2024-03-20',
      outcome: 'partial',
    });
    expect(replied.events).toEqual([
      { type: 'consultationSent', on: '2024-03-04', party: 'thirdParty' },
      { type: 'replied', on: '2024-03-20', outcome: 'partial' },
    ]);
    expect(replied.updatedAt).toBe(T1);
    expect(await store.applications.get('app-1')).toEqual(replied);
    expect(await store.applications.numbersOf(['app-1', 'no-such-id'])).toEqual(
      new Map([['app-1', '2024-001']]),
    );
    expect(await store.applications.numbersOf([])).toEqual(new Map());
    const row = await store.db
      .selectFrom('applications')
      .select(['received_on', 'received_year', 'replied_on'])
      .where('id', '=', 'app-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ received_on: '2024-02-28', received_year: 2024, replied_on: '2024-03-20' });

    const corrected = await store.applications.replaceEvents(actor, 'app-1', [
      { type: 'replied', on: '2024-03-18', outcome: 'open' },
    ]);
    expect(corrected.events).toEqual([{ type: 'replied', on: '2024-03-18', outcome: 'open' }]);
    const moved = await store.applications.update(actor, 'app-1', {
      channel: 'post',
      signedForOn: '2024-02-29',
    });
    expect(moved.receivedOn).toBe('2024-02-29');

    // Received in 2023 and still open on 1 January: it counts in 2024 (上年结转) but not in 2022.
    await store.applications.create(actor, {
      id: 'app-0',
      agencyId,
      applicant: 'biz',
      channel: 'inPerson',
      submittedOn: '2023-12-27',
      requestText: '申请公开某企业的行政处罚决定书',
      events: [{ type: 'replied', on: '2024-01-15', outcome: 'none.notHeld' }],
    });
    // Replied in 2023: not in 2024.
    await store.applications.create(actor, {
      id: 'app-old',
      agencyId,
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2023-05-04',
      requestText: '旧申请',
      events: [{ type: 'replied', on: '2023-05-10', outcome: 'open' }],
    });
    // Not yet confirmed: no day of receipt, in no year.
    await store.applications.create(actor, {
      id: 'app-x',
      agencyId,
      applicant: 'oth',
      channel: 'email',
      submittedOn: '2024-12-30',
      requestText: '待确认',
    });
    const ids = async (p: Promise<{ id: string }[]>) => (await p).map((a) => a.id);
    expect(await ids(store.applications.forYear(agencyId, 2024))).toEqual(['app-0', 'app-1']);
    expect(await ids(store.applications.forYear(agencyId, 2023))).toEqual(['app-old', 'app-0']);
    expect(await ids(store.applications.list({ agencyIds: [agencyId] }))).toEqual([
      'app-old',
      'app-0',
      'app-1',
      'app-x',
    ]);
    expect(await ids(store.applications.list({ agencyIds: [agencyId], receivedYear: 2024 }))).toEqual([
      'app-1',
    ]);
    expect(await store.applications.list({ agencyIds: [] })).toEqual([]);

    // The records feed compileReport as they are.
    const report = compileReport({
      agency: '湟源县人民政府办公室',
      year: 2024,
      applications: await store.applications.forYear(agencyId, 2024),
      cases: [],
      proactive: {},
    });
    expect([report.cells['a.new.np'], report.cells['a.prev.biz'], report.cells['a.open.np']]).toEqual([
      1, 1, 1,
    ]);
    expect(report.cells['a.none.notHeld.biz']).toBe(1);

    await store.applications.remove(actor, 'app-x');
    expect(await store.applications.get('app-x')).toBeUndefined();
    const bad = await rejection(
      store.applications.create(actor, {
        agencyId,
        applicant: 'np',
        channel: 'inPerson',
        submittedOn: '2024-02-30',
        requestText: 'x',
      }),
    );
    expect(bad.code).toBe('store.invalid');
    const noAgency = await rejection(
      store.applications.create(actor, {
        agencyId: 'nope',
        applicant: 'np',
        channel: 'inPerson',
        submittedOn: '2024-02-01',
        requestText: 'x',
      }),
    );
    expect(noAgency.code).toBe('store.invalid');

    const audit = await store.audit.list({ entity: 'application', entityId: 'app-1' });
    expect(audit.map((a) => a.action)).toEqual(['create', 'event', 'event', 'events', 'update']);
    expect(audit[0]).toMatchObject({ userId: 'u-admin', at: T0, before: null, after: created });
    expect(audit[2]).toMatchObject({ at: T1, after: replied });
    expect(audit[2]?.before).toMatchObject({ events: [{ type: 'consultationSent' }] });
    expect(audit[4]).toMatchObject({ before: corrected, after: moved });
    const removed = await store.audit.list({ entity: 'application', entityId: 'app-x' });
    expect(removed.map((a) => [a.action, a.after])).toEqual([
      ['create', removed[0]?.after],
      ['delete', null],
    ]);
    expect(removed[1]?.before).toEqual(removed[0]?.after);
  });

  it('keeps review and litigation cases', async () => {
    const { agencyId, actor } = await seed();
    const pending = await store.cases.create(actor, {
      id: 'c1',
      agencyId,
      kind: 'review',
      filedOn: '2024-04-01',
    });
    expect(pending).toEqual({
      id: 'c1',
      agencyId: 'a1',
      number: '2024-001',
      kind: 'review',
      filedOn: '2024-04-01',
      decidedOn: null,
      outcome: null,
      applicationId: null,
      createdAt: T0,
      updatedAt: T0,
    });
    clock.set(T1);
    const decided = await store.cases.update(actor, 'c1', { decidedOn: '2024-06-30', outcome: 'upheld' });
    expect(decided).toEqual({ ...pending, decidedOn: '2024-06-30', outcome: 'upheld', updatedAt: T1 });
    expect(await store.cases.get('c1')).toEqual(decided);
    await store.cases.create(actor, { id: 'c0', agencyId, kind: 'direct', filedOn: '2023-11-02' });
    expect((await store.cases.list({ agencyIds: [agencyId] })).map((c) => c.id)).toEqual(['c0', 'c1']);
    expect((await store.cases.list({ agencyIds: [agencyId], year: 2024 })).map((c) => c.id)).toEqual(['c1']);

    const half = await rejection(store.cases.update(actor, 'c0', { outcome: 'corrected' }));
    expect(half.code).toBe('store.invalid');
    expect((await store.cases.get('c0'))?.outcome).toBeNull();
    await store.cases.remove(actor, 'c0');
    expect(await store.cases.get('c0')).toBeUndefined();

    const audit = await store.audit.list({ entity: 'case' });
    expect(audit.map((a) => [a.action, a.entityId, a.before, a.after])).toEqual([
      ['create', 'c1', null, pending],
      ['update', 'c1', pending, decided],
      ['create', 'c0', null, audit[2]?.after],
      ['delete', 'c0', audit[2]?.after, null],
    ]);
  });

  it('keeps the figures of table 二 by codebook key of the year', async () => {
    const { agencyId, actor } = await seed();
    expect(await store.proactive.get(agencyId, 2024)).toEqual({});
    const first = await store.proactive.set(actor, agencyId, 2024, {
      'p.rules.issued': 2,
      'p.fees.amount': 1.25,
      'p.normative.inForce': 31,
    });
    expect(first).toEqual({ 'p.fees.amount': 1.25, 'p.normative.inForce': 31, 'p.rules.issued': 2 });
    const second = await store.proactive.set(actor, agencyId, 2024, {
      'p.rules.issued': 3,
      'p.fees.amount': null,
    });
    expect(second).toEqual({ 'p.normative.inForce': 31, 'p.rules.issued': 3 });
    expect(await store.proactive.get(agencyId, 2024)).toEqual(second);
    expect(await store.proactive.get(agencyId, 2023)).toEqual({});

    // 2019's format has its own keys: 2021's are not cells of a 2020 report, and table 三 is no figure.
    await store.proactive.set(actor, agencyId, 2020, { 'p.license.change': -4 });
    expect(await store.proactive.get(agencyId, 2020)).toEqual({ 'p.license.change': -4 });
    expect((await rejection(store.proactive.set(actor, agencyId, 2020, { 'p.rules.issued': 1 }))).code).toBe(
      'store.invalid',
    );
    expect((await rejection(store.proactive.set(actor, agencyId, 2024, { 'a.new.np': 1 }))).code).toBe(
      'store.invalid',
    );

    const audit = await store.audit.list({ entity: 'proactive_figures', entityId: 'a1/2024' });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['set', {}, first],
      ['set', first, second],
    ]);
  });

  it('keeps reports as versions', async () => {
    const { agencyId, actor } = await seed();
    const report: Report = {
      format: '2021',
      agency: '湟源县人民政府办公室',
      year: 2024,
      publishedOn: '2025-01-20',
      signedOn: null,
      cells: { 'a.new.np': 3, 'p.fees.amount': null },
      sections: [{ number: 1, title: '一、总体情况', text: '2024年，……', line: 3 }],
    };
    const compiled = await store.reports.save(actor, { id: 'r1', agencyId, origin: 'compiled', report });
    expect(compiled).toEqual({
      id: 'r1',
      agencyId: 'a1',
      year: 2024,
      origin: 'compiled',
      compiledAt: T0,
      report,
    });
    clock.set(T1);
    const again = await store.reports.save(actor, {
      id: 'r2',
      agencyId,
      origin: 'compiled',
      report: { ...report, cells: { 'a.new.np': 4 } },
    });
    expect(await store.reports.get('r1')).toEqual(compiled);
    expect((await store.reports.latest(agencyId, 2024))?.id).toBe('r2');
    expect(await store.reports.latest(agencyId, 2024, 'ingested')).toBeUndefined();
    expect((await store.reports.list({ agencyIds: [agencyId] })).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(
      (
        await rejection(
          store.reports.save(actor, { agencyId, origin: 'compiled', report: { ...report, year: null } }),
        )
      ).code,
    ).toBe('store.invalid');
    expect(
      (await store.audit.list({ entity: 'report' })).map((a) => [a.entityId, a.before, a.after]),
    ).toEqual([
      ['r1', null, compiled],
      ['r2', null, again],
    ]);
  });

  it('rejects UPDATE and DELETE on the audit log in the database itself', async () => {
    await seed();
    const before = await store.audit.list();
    expect(before.length).toBe(2);
    await expect(sql`update audit_log set action = 'forged'`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(store.db)).rejects.toThrow(/append-only/);
    expect(await store.audit.list()).toEqual(before);
  });

  it('writes nothing when the change fails: no audit row without its change', async () => {
    const { agencyId, actor } = await seed();
    const count = (await store.audit.list()).length;
    // The application row is written, then its event breaks a CHECK: both roll back.
    const failed = await rejection(
      store.applications.create(actor, {
        id: 'app-1',
        agencyId,
        applicant: 'np',
        channel: 'inPerson',
        submittedOn: '2024-01-02',
        requestText: 'x',
        events: [{ type: 'forged', on: '2024-01-03' } as never],
      }),
    );
    expect(failed.code).toBe('store.invalid');
    expect(await store.applications.get('app-1')).toBeUndefined();
    await store.applications.create(actor, {
      id: 'app-2',
      agencyId,
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-01-02',
      requestText: 'y',
    });
    const count2 = (await store.audit.list()).length;
    const badDate = await rejection(
      store.applications.appendEvent(actor, 'app-2', { type: 'replied', on: '2024-13-01', outcome: 'open' }),
    );
    expect(badDate.code).toBe('store.invalid');
    expect((await store.applications.get('app-2'))?.events).toEqual([]);
    expect((await store.audit.list()).length).toBe(count2);
    expect(count2).toBe(count + 1);
  });

  it('scopes what a user sees to their agency, or the supervised set', async () => {
    const { actor } = await seed();
    await store.agencies.create(actor, { id: 'a2', name: '乙' });
    await store.agencies.create(actor, { id: 'a3', name: '丙' });
    const mk = (id: string, role: 'clerk' | 'reviewer' | 'supervisor', agencyId: string | null) =>
      store.users.create(actor, { id, username: id, displayName: id, passwordHash: 'h', role, agencyId });
    const clerk = await mk('clerk', 'clerk', 'a2');
    const reviewer = await mk('reviewer', 'reviewer', 'a3');
    const supervisor = await mk('sup', 'supervisor', null);
    const idle = await mk('idle', 'supervisor', null);
    const admin = await store.users.get('u-admin');
    await store.users.setSupervisedAgencies(actor, 'sup', ['a3', 'a1']);

    expect(await store.access.visibleAgencyIds(clerk)).toEqual(['a2']);
    expect(await store.access.visibleAgencyIds(reviewer)).toEqual(['a3']);
    expect(await store.access.visibleAgencyIds(admin as NonNullable<typeof admin>)).toEqual(['a1']);
    expect(await store.access.visibleAgencyIds(supervisor)).toEqual(['a1', 'a3']);
    expect(await store.access.visibleAgencyIds(idle)).toEqual([]);
    expect(await store.access.canSeeAgency(supervisor, 'a2')).toBe(false);
    expect(await store.access.canSeeAgency(clerk, 'a2')).toBe(true);

    for (const [id, agencyId] of [
      ['x1', 'a1'],
      ['x2', 'a2'],
      ['x3', 'a3'],
    ] as const)
      await store.applications.create(actor, {
        id,
        agencyId,
        applicant: 'np',
        channel: 'inPerson',
        submittedOn: '2024-05-06',
        requestText: id,
      });
    const seen = async (user: typeof clerk) =>
      (await store.applications.list({ agencyIds: await store.access.visibleAgencyIds(user) })).map(
        (a) => a.id,
      );
    expect(await seen(clerk)).toEqual(['x2']);
    expect(await seen(supervisor)).toEqual(['x1', 'x3']);
    expect(await seen(idle)).toEqual([]);
  });
});
