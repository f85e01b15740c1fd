/**
 * Exit codes of `gongkai`. When several apply, the most serious wins:
 * internal error (70) > input unreadable or usage error (2) > error findings (1) > success (0).
 */
export const ExitCode = {
  ok: 0,
  /** `check` found at least one error. */
  findings: 1,
  /** An input could not be read, or the command line was wrong. */
  unreadable: 2,
  usage: 2,
  /** A bug in Gongkai (EX_SOFTWARE, as in bin/gongkai.js). */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const rank = (code: number): number =>
  code === ExitCode.internal ? 3 : code === 2 ? 2 : code === 1 ? 1 : code === 0 ? 0 : 3;

/** The more serious of two exit codes. */
export function worst(a: number, b: number): number {
  return rank(b) > rank(a) ? b : a;
}
