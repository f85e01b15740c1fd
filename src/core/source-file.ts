import { type Finding, type FindingInit, makeFinding } from './finding.js';

/** Raised (only) when an input cannot be read at all: the CLI exits with code 2. */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

/**
 * The document being processed (after vfile): it owns the findings, and every stage reports
 * through it instead of returning or printing diagnostics.
 */
export class SourceFile {
  readonly findings: Finding[] = [];

  constructor(
    /** Path as given by the user, or `-` for standard input. */
    readonly path: string,
    /** Decoded text (for text-like sources). */
    public text = '',
  ) {}

  error(code: string, message: string, init?: FindingInit): Finding {
    return this.push(makeFinding('error', code, message, init));
  }

  warn(code: string, message: string, init?: FindingInit): Finding {
    return this.push(makeFinding('warning', code, message, init));
  }

  info(code: string, message: string, init?: FindingInit): Finding {
    return this.push(makeFinding('info', code, message, init));
  }

  /** Stops processing: the input cannot be used at all. */
  fail(message: string): never {
    throw new UnreadableInputError(message);
  }

  /** Adds a finding made elsewhere (a check's pure part, src/check/kind-findings.ts). */
  push(finding: Finding): Finding {
    this.findings.push(finding);
    return finding;
  }
}
