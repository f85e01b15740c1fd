/**
 * A deterministic generator of random valid reports of either format: the same seed always gives
 * the same report. Every cell of the format has a figure, every identity of the format holds, the
 * year fits the format, and the prose never contradicts the tables.
 */
import type { Report } from '../core/report.js';
import { getFormat } from '../spec/registry.js';
import type { FormatId } from '../spec/types.js';
import { randomAgency } from './agency.js';
import { brokenIdentities, type CellOptions, randomCells } from './cells.js';
import { createRandom, type Random } from './prng.js';
import { randomSections } from './prose.js';

export interface GenerateOptions extends CellOptions {
  /** Report year (must fit the format); random by default. */
  year?: number;
  /** Last year the 2021 format is used for (default 2025). */
  lastYear?: number;
  /** Chance that publishedOn / signedOn are set (default 0.6 each). */
  datedShare?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date in January of the year after the report year, or null. */
function januaryDate(random: Random, year: number, share: number): string | null {
  return random.chance(share) ? `${year + 1}-01-${pad(random.int(1, 31))}` : null;
}

export function generateReport(seed: number, format: FormatId, options: GenerateOptions = {}): Report {
  const spec = getFormat(format);
  const random = createRandom(seed);
  const from = spec.years.from;
  const to = spec.years.to ?? options.lastYear ?? 2025;
  const year = options.year ?? random.int(from, to);
  if (year < from || year > to) throw new RangeError(`${year} 年不适用 ${format} 格式`);
  const agency = randomAgency(random);
  const cells = randomCells(spec, random, options);
  const broken = brokenIdentities(spec, cells);
  if (broken.length > 0) throw new Error(`generator broke ${broken.map((i) => i.id).join(', ')}`);
  const share = options.datedShare ?? 0.6;
  return {
    format,
    agency,
    year,
    publishedOn: januaryDate(random, year, share),
    signedOn: januaryDate(random, year, share),
    cells,
    sections: randomSections(spec, random, agency, year, cells),
  };
}
