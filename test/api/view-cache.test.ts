/**
 * The list and due views are cached per agency and data version: a write through another store
 * (another process on the same database) is seen by the next read, and a write to another agency
 * leaves the cached view in use. Dates are parsed by hand: the same dates are valid as before.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as svc from '../../src/api/services/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { dayNumber, fromDayNumber, isIsoDate } from '../../src/workflow/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';

const p = svc.cliPrincipal;
const asOf = '2024-12-31';

describeEachBackend('views cached per data version', (backend) => {
  let target: Target;
  let one: Store;
  let two: Store;

  beforeEach(async () => {
    target = await backend.fresh();
    one = await openStore(target.options);
    two = await openStore(target.options);
    await svc.createAgency(one, p, { id: 'a', name: '甲县人民政府办公室' });
    await svc.createAgency(one, p, { id: 'b', name: '乙县人民政府办公室' });
    for (const [agencyId, number] of [
      ['a', 'a-1'],
      ['b', 'b-1'],
    ] as const)
      await svc.createApplication(
        one,
        p,
        { id: number, agencyId, applicant: 'np', channel: 'inPerson', submittedOn: '2024-05-06' },
        asOf,
      );
  });

  afterEach(async () => {
    await one.close();
    await two.close();
    await target.dispose();
  });

  const states = async (store: Store, agency: string) =>
    (await svc.listApplications(store, p, { agency, asOf })).map(
      (v) => `${v.number} ${v.events.length} ${v.state.statusName}`,
    );

  it('sees a write made through another store at the next read', async () => {
    expect(await states(one, 'a')).toEqual(['a-1 0 已超期']);
    expect((await svc.dueApplications(one, p, { agency: 'a', days: 5, asOf })).overdue.length).toBe(1);
    const versions = await one.dataVersions(['a', 'b', 'none']);
    await svc.addEvent(two, p, 'a-1', { type: 'replied', on: '2024-05-30', outcome: 'open' }, asOf);
    expect(await states(one, 'a')).toEqual(['a-1 1 已答复']);
    expect((await svc.dueApplications(one, p, { agency: 'a', days: 5, asOf })).overdue).toEqual([]);
    const after = await one.dataVersions(['a', 'b', 'none']);
    expect([after.get('a'), after.get('b'), after.get('none')]).toEqual([
      (versions.get('a') ?? 0) + 1,
      versions.get('b'),
      0,
    ]);
  });

  it('keeps the view of an agency while only another agency is written', async () => {
    const first = await svc.listApplications(one, p, { agency: 'a', asOf });
    await svc.addEvent(two, p, 'b-1', { type: 'replied', on: '2024-05-30', outcome: 'open' }, asOf);
    const second = await svc.listApplications(one, p, { agency: 'a', asOf });
    // The same view (cached), shared between callers: frozen, so none can change another's.
    expect(second).toBe(first);
    expect(Object.isFrozen(second)).toBe(true);
    expect(await states(one, 'b')).toEqual(['b-1 1 已答复']);
    // A voided event is a write too.
    await svc.voidEvent(two, p, 'b-1', 0, '录入错误', asOf);
    expect(await states(one, 'b')).toEqual(['b-1 0 已超期']);
  });
});

it('parses the same dates as valid as before, and converts day numbers both ways', () => {
  const valid = ['2024-02-29', '2000-02-29', '2023-12-31', '0100-01-01', '1970-01-01'];
  const invalid = ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '0099-01-01'];
  const malformed = [
    '2024-1-01',
    '２０２４-01-01',
    '2024/01/01',
    ' 2024-01-01',
    '2024-01-01T00',
    '+02024-01-1',
  ];
  expect(valid.map(isIsoDate)).toEqual(valid.map(() => true));
  expect([...invalid, ...malformed].map(isIsoDate)).toEqual([...invalid, ...malformed].map(() => false));
  expect([dayNumber('1970-01-01'), dayNumber('2024-03-01'), dayNumber('1969-12-31')]).toEqual([0, 19783, -1]);
  expect([fromDayNumber(19783), fromDayNumber(-1), fromDayNumber(0)]).toEqual([
    '2024-03-01',
    '1969-12-31',
    '1970-01-01',
  ]);
});
