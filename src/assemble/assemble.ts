import type { Report } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { Block } from '../read/blocks.js';
import { getFormat } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { type Evidence, emptyEvidence } from './evidence.js';

export interface Assembled {
  report: Report;
  evidence: Evidence;
  spec: FormatSpec;
}

/** Aligns the blocks of a report to its format spec. (Work in progress.) */
export function assemble(_blocks: readonly Block[], _file: SourceFile): Assembled {
  const spec = getFormat('2021');
  return {
    report: {
      format: '2021',
      agency: null,
      year: null,
      publishedOn: null,
      signedOn: null,
      cells: {},
      sections: [],
    },
    evidence: emptyEvidence(),
    spec,
  };
}
