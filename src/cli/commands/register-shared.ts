/**
 * What the register commands share: opening the store (SQLite in GONGKAI_DATA or ./gongkai-data,
 * PostgreSQL when DATABASE_URL is set), running one service as the local system actor `cli`, and
 * reporting its errors in Chinese with the exit codes of the CLI.
 */
import { toApiError } from '../../api/errors.js';
import { cliPrincipal, resolveAgency } from '../../api/services/principal.js';
import { openStore, type Store, StoreError } from '../../store/index.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';

/** Runs `work` with an open store and closes it; resolves to the exit code. */
export async function withStore(io: CliIO, work: (store: Store) => Promise<number>): Promise<number> {
  let store: Store | undefined;
  try {
    store = await openStore();
    return await work(store);
  } catch (error) {
    return reportError(error, io);
  } finally {
    await store?.close();
  }
}

/** The API's field names whose option on the command line has another name. */
const flagOf: Record<string, string> = {
  agencyId: 'agency',
  submittedOn: 'submitted',
  signedForOn: 'signed-for',
  confirmedOn: 'confirmed',
  requestText: 'request',
  applicantName: 'applicant-name',
  applicantContact: 'contact',
  filedOn: 'filed',
  decidedOn: 'decided',
  applicationId: 'application',
  displayName: 'name',
};

/** Option names of the register commands, as the services' messages name their fields. */
const flags = new Set([
  'agency',
  'year',
  'to',
  'id',
  'name',
  'region',
  'code',
  'applicant',
  'channel',
  'type',
  'on',
  'party',
  'days',
  'method',
  'quantity',
  'amount',
  'outcome',
  'kind',
  'username',
  'password',
  'role',
  'supervises',
  'correctBy',
  'approvedBy',
  'asOf',
  'signedOn',
  'publishedOn',
  'delivery',
]);

/**
 * A service message with the API's field names (「agencyId」, （agencyId）) replaced by the options
 * that set them on the command line (「--agency」, （--agency）).
 */
export function asFlags(message: string): string {
  return message.replace(
    /([「（])([A-Za-z]+)([」）])/g,
    (all, open: string, field: string, close: string) => {
      const flag =
        flagOf[field] ?? (flags.has(field) ? field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : null);
      return flag === null ? all : `${open}--${flag}${close}`;
    },
  );
}

/** Prints an error as `gongkai: 错误：…`: 2 for bad input or a missing record, 70 for a bug. */
export function reportError(error: unknown, io: CliIO): number {
  // The data can't be written (a full disk, a read-only data directory): the user can fix that.
  if (error instanceof StoreError && error.code === 'store.unavailable') {
    io.stderr.write(`gongkai: 错误：${error.message}\n`);
    return ExitCode.usage;
  }
  const e = toApiError(error, { bodyLimit: 0 });
  if (e.status >= 500) {
    const detail = io.debug && error instanceof Error ? `\n${error.stack}` : '';
    io.stderr.write(
      `gongkai: 内部错误：${error instanceof Error ? error.message : String(error)}${detail}\n`,
    );
    return ExitCode.internal;
  }
  io.stderr.write(`gongkai: 错误：${asFlags(e.message)}\n`);
  for (const issue of e.issues ?? [])
    if (issue.severity === 'error' && e.issues && e.issues.length > 1)
      io.stderr.write(`  ${asFlags(issue.message)}\n`);
  return ExitCode.usage;
}

/** A value given on the command line as a number (NaN stays NaN: the schema reports it). */
export const numberOption = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : value.trim() === '' ? Number.NaN : Number(value);

/** Writes one JSON line. */
export const writeJson = (io: CliIO, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value)}\n`);
};

/** The id of an agency named on the command line by id or by name (undefined stays undefined). */
export async function agencyIdOf(store: Store, ref: string | undefined): Promise<string | undefined> {
  return ref === undefined ? undefined : (await resolveAgency(store, cliPrincipal, ref)).id;
}
