import type { SourceFile } from '../core/source-file.js';
import type { Check, CheckInput } from './types.js';

/** Every check, in the order their findings are most useful to read. */
export const checks: Check[] = [];

export function runChecks(input: CheckInput, file: SourceFile): void {
  for (const check of checks) check(input, file);
}
