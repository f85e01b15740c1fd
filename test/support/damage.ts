/**
 * Damage to a rendered report, located through the figures of its tables: in every seed layout the
 * figures of the tables appear in codebook order, one whitespace-delimited token per cell.
 */
import type { Report } from '../../src/core/report.js';
import { halfWidth, spacedNumbering } from '../../src/render/text/labels.js';
import { cellKeys, cellsOf, getFormat } from '../../src/spec/registry.js';

export interface Figure {
  key: string;
  start: number;
  end: number;
  text: string;
}

const encoder = new TextEncoder();

const figurePattern = /(?<=^|[\t\n ])-?\d+(?:\.\d+)?(?=$|[\t\n])/gm;

/** Start and end of the part of the text that holds the tables (parts 二 to 四). */
export function tableRegion(report: Report, text: string): [number, number] {
  const spec = getFormat(report.format);
  const heading = (n: number) => {
    const s = spec.sections[n - 1];
    return s ? `${s.numeral}、${s.title}` : '';
  };
  const start = text.indexOf(heading(2));
  const end = text.indexOf(heading(5), start);
  if (start < 0 || end < 0) throw new Error('table region not found');
  return [start, end];
}

/** The figures of the tables with the key of the cell each one prints. */
export function figures(report: Report, text: string): Figure[] {
  const [start, end] = tableRegion(report, text);
  const keys = cellKeys(getFormat(report.format)).filter((k) => report.cells[k] !== null);
  const region = text.slice(start, end);
  const found = [...region.matchAll(figurePattern)];
  if (found.length !== keys.length)
    throw new Error(`expected ${keys.length} figures in the tables, found ${found.length}`);
  return found.map((m, i) => ({
    key: keys[i] as string,
    start: start + (m.index as number),
    end: start + (m.index as number) + m[0].length,
    text: m[0],
  }));
}

export type Damage =
  | { kind: 'delete-row'; pick: number }
  | { kind: 'delete-cell'; pick: number }
  | { kind: 'blank-cell'; pick: number }
  | { kind: 'change-digit'; pick: number; digit: number; position: number }
  | { kind: 'swap'; pick: number; other: number }
  | { kind: 'truncate'; at: number };

export interface Damaged {
  text: string;
  /** The damaged file when the damage is to bytes rather than text (then `text` is unused). */
  bytes?: Uint8Array;
  /** What was done, for failure messages. */
  description: string;
  /** The damage certainly breaks an identity or the shape of a table: an error finding is due. */
  breaks: boolean;
  /**
   * The damage may legitimately read as blank cells (a lost cell looks like an empty one):
   * an error is then due only if some cell comes back with a wrong figure.
   */
  blankTolerant: boolean;
  /** Cells whose new value no identity can reveal (a changed digit in table 二). */
  exempt: string[];
}

const tableOf = (report: Report, key: string) => cellsOf(getFormat(report.format)).get(key)?.table.id;
const rowOf = (report: Report, key: string) => cellsOf(getFormat(report.format)).get(key)?.row;
const splice = (text: string, from: number, to: number, insert = '') =>
  text.slice(0, from) + insert + text.slice(to);

/** Start of the whitespace run that separates a figure from what precedes it. */
function separatorStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && /[\t\n ]/.test(text[i - 1] as string)) i--;
  return i;
}

function deleteRow(report: Report, text: string, pick: number): Damaged {
  const all = figures(report, text);
  const rows = [...new Set(all.map((f) => rowOf(report, f.key)))];
  const row = rows[pick % rows.length];
  const own = all.filter((f) => rowOf(report, f.key) === row);
  const first = own[0] as Figure;
  const last = own.at(-1) as Figure;
  const before = all[all.indexOf(first) - 1];
  let from = separatorStart(text, first.start);
  const label = row?.path.at(-1)?.official;
  if (label) {
    const floor = before ? before.end : tableRegion(report, text)[0];
    const candidates = [label, halfWidth(label), spacedNumbering(label)]
      .map((l) => text.lastIndexOf(l, first.start))
      .filter((i) => i >= floor);
    if (candidates.length > 0) from = Math.max(...candidates);
  }
  return {
    text: splice(text, from, last.end),
    description: `deleted row ${row?.id} (${own.length} figures${label ? ` and 「${label}」` : ''})`,
    // A row without a label (table 四) that loses its figures looks like a row left blank.
    breaks: label !== undefined,
    blankTolerant: label === undefined,
    exempt: [],
  };
}

function changeDigit(report: Report, text: string, pick: number, digit: number, position: number): Damaged {
  const all = figures(report, text);
  const f = all[pick % all.length] as Figure;
  const digits = [...f.text].map((c, i) => [c, i] as const).filter(([c]) => /\d/.test(c));
  const [old, index] = digits[position % digits.length] as readonly [string, number];
  // A new digit that differs, and no leading zero.
  const leading = index === (f.text.startsWith('-') ? 1 : 0) && digits.length > 1;
  const choices = [...'0123456789'].filter((d) => d !== old && !(leading && d === '0'));
  const replacement = choices[digit % choices.length] as string;
  const changed = f.text.slice(0, index) + replacement + f.text.slice(index + 1);
  const proactive = tableOf(report, f.key) === 'proactive';
  return {
    text: splice(text, f.start, f.end, changed),
    description: `changed ${f.key} from ${f.text} to ${changed}`,
    breaks: !proactive,
    blankTolerant: false,
    exempt: proactive ? [f.key] : [],
  };
}

function swap(report: Report, text: string, pick: number, other: number): Damaged | null {
  const all = figures(report, text).filter((f) => tableOf(report, f.key) !== 'proactive');
  const a = all[pick % all.length] as Figure;
  const candidates = all.filter((f) => rowOf(report, f.key) !== rowOf(report, a.key) && f.text !== a.text);
  if (candidates.length === 0) return null;
  const b = candidates[other % candidates.length] as Figure;
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  const swapped = text.slice(0, x.start) + y.text + text.slice(x.end, y.start) + x.text + text.slice(y.end);
  return {
    text: swapped,
    description: `swapped ${a.key}=${a.text} and ${b.key}=${b.text}`,
    breaks: true,
    blankTolerant: false,
    exempt: [],
  };
}

export function applyDamage(report: Report, text: string, damage: Damage): Damaged | null {
  switch (damage.kind) {
    case 'delete-row':
      return deleteRow(report, text, damage.pick);
    case 'delete-cell':
    case 'blank-cell': {
      const all = figures(report, text);
      const f = all[damage.pick % all.length] as Figure;
      const from = damage.kind === 'delete-cell' ? separatorStart(text, f.start) : f.start;
      return {
        text: splice(text, from, f.end),
        description: `${damage.kind === 'delete-cell' ? 'deleted' : 'blanked'} ${f.key}=${f.text}`,
        breaks: false,
        blankTolerant: true,
        exempt: [],
      };
    }
    case 'change-digit':
      return changeDigit(report, text, damage.pick, damage.digit, damage.position);
    case 'swap':
      return swap(report, text, damage.pick, damage.other);
    case 'truncate': {
      // Cut the bytes, possibly inside a character.
      const bytes = encoder.encode(text);
      const at = damage.at % (bytes.length + 1);
      // Losing the figures at the end of the last row may look like blank cells; losing a whole
      // row or more (and the labels with it) breaks the shape of the tables.
      const all = figures(report, text);
      const lastRow = rowOf(report, (all.at(-1) as Figure).key);
      const firstOfLastRow = all.find((f) => rowOf(report, f.key) === lastRow) as Figure;
      const rowStart = encoder.encode(text.slice(0, firstOfLastRow.start)).length;
      // A cut inside a figure of table 二 shortens it (「2614.8」→「2614」): like a changed digit there,
      // nothing can tell.
      const byteAt = (i: number) => encoder.encode(text.slice(0, i)).length;
      const cutFigure = all.find((f) => byteAt(f.start) < at && at < byteAt(f.end));
      const exempt = cutFigure && tableOf(report, cutFigure.key) === 'proactive' ? [cutFigure.key] : [];
      return {
        text: '',
        bytes: bytes.slice(0, at),
        description: `truncated at byte ${at} of ${bytes.length} (last row starts at byte ${rowStart})`,
        breaks: at < rowStart,
        blankTolerant: at >= rowStart,
        exempt,
      };
    }
  }
}
