/**
 * Text recognition (PaddleOCR's CRNN model with CTC): a line of text scaled to 48 pixels high in,
 * a class for every 8 pixels of its width out. The greedy reading keeps each run's best class,
 * drops the blanks, and gives every character the probability the model put on it.
 */
import { createHash } from 'node:crypto';
import type { Gray } from '../image.js';
import type { Box } from '../rules.js';
import { bestSuffix, probabilitySuffix } from './best-class.js';
import type { Paddle } from './models.js';

export interface LineRead {
  text: string;
  /** The probability of each character of `text` (0–1). */
  probabilities: number[];
  /** The least sure step of the reading, blanks included: a digit the model half saw between two others shows here. */
  leastStep: number;
}

const height = 48;
/** How lines narrower than the model needs are widened. */
export interface Padding {
  /** Narrower lines are padded to this width (PaddleOCR: 320; a lone 「0」 is misread at 16; 96 reads
   * the generated tables' cells as 320 does, at a third of the CPU time; 56 as well, on the bench's
   * clean scans with no figure in doubt (at 32 a lone 「1」 was), for 16% fewer columns a page). At
   * 48, on three reports of each kind, 3 more degraded cells were in doubt (52.3% → 51.8% exact).
   * Reading figures narrower first and again at 56 only where in doubt saves nothing: narrower, the
   * model is less sure of the same text (the 1,642 figure lines of those 26 pages at 40: 1,296 of
   * them at 80 or more, 633 at 95; none of those differed from the reading at 56), so the second
   * readings cost what the first saved (at 32, 1% fewer columns with confidence 80 as the bar). */
  minWidth: number;
  /** With white (paper), or with 0 after normalisation (mid grey, as PaddleOCR pads). */
  white: boolean;
}

export const padding: Padding = { minWidth: 56, white: false };
/** Lines read in one run of the model, when of about the same width. */
const batch = 8;
/** … where the widest is at most this much wider than the narrowest. */
const sameWidth = 1.1;

/** Width a crop takes at the recogniser's height, its width scaled by `squeeze` as well. */
const scaledWidth = (box: Box, squeeze: number) =>
  Math.max(1, Math.round(((box.right - box.left + 1) * height * squeeze) / (box.bottom - box.top + 1)));

/** Writes the crop, scaled to the model's height (bilinear) and normalised, at the slot's start. */
function fill(
  image: Gray,
  box: Box,
  out: Float32Array,
  slot: number,
  width: number,
  white: boolean,
  squeeze: number,
  /** The column of the slot where the crop starts. */
  at = 0,
): void {
  const w = scaledWidth(box, squeeze);
  const bw = box.right - box.left + 1;
  const bh = box.bottom - box.top + 1;
  const plane = height * width;
  const base = slot * 3 * plane;
  if (white && at === 0) out.fill(1, base, base + 3 * plane);
  // The columns sampled are the same on every row: worked out once.
  const columns = Math.min(w, width - at);
  const x0s = new Int32Array(columns);
  const x1s = new Int32Array(columns);
  const fxs = new Float64Array(columns);
  for (let x = 0; x < columns; x++) {
    const sx = Math.min(bw - 1, Math.max(0, ((x + 0.5) * bw) / w - 0.5));
    const x0 = Math.floor(sx);
    x0s[x] = x0;
    x1s[x] = Math.min(bw - 1, x0 + 1);
    fxs[x] = sx - x0;
  }
  const data = image.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(bh - 1, Math.max(0, ((y + 0.5) * bh) / height - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const fy = sy - y0;
    const r0 = (box.top + y0) * image.width + box.left;
    const r1 = (box.top + y1) * image.width + box.left;
    for (let x = 0; x < columns; x++) {
      const x0 = x0s[x] as number;
      const x1 = x1s[x] as number;
      const fx = fxs[x] as number;
      const v =
        (data[r0 + x0] as number) * (1 - fx) * (1 - fy) +
        (data[r0 + x1] as number) * fx * (1 - fy) +
        (data[r1 + x0] as number) * (1 - fx) * fy +
        (data[r1 + x1] as number) * fx * fy;
      const n = v / 127.5 - 1;
      const i = base + y * width + at + x;
      out[i] = n;
      out[i + plane] = n;
      out[i + 2 * plane] = n;
    }
  }
}

/**
 * Greedy CTC reading of one line from each step's best class and its probability: runs merged,
 * blanks (class 0) dropped, each character the highest probability of its run.
 */
export function readSteps(
  best: ArrayLike<number | bigint>,
  probability: ArrayLike<number>,
  offset: number,
  steps: number,
  characters: readonly string[],
  /** Steps that cover the line itself (the rest is padding). */
  content = steps,
): LineRead {
  let text = '';
  const probabilities: number[] = [];
  let leastStep = 1;
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const k = Number(best[offset + t]);
    const p = probability[offset + t] as number;
    if (t < content) leastStep = Math.min(leastStep, p);
    if (k !== 0 && k === previous) {
      const last = probabilities.length - 1;
      probabilities[last] = Math.max(probabilities[last] as number, p);
    } else if (k !== 0) {
      text += characters[k] ?? '';
      probabilities.push(p);
    }
    previous = k;
  }
  return { text, probabilities, leastStep };
}

/** Each step's best class (the first of equal ones) and its probability, from all classes' (`steps` × `classes`). */
export function bestClasses(
  data: Float32Array,
  offset: number,
  steps: number,
  classes: number,
): { best: Int32Array; probability: Float32Array } {
  const best = new Int32Array(steps);
  const probability = new Float32Array(steps);
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let k = 0;
    let p = data[row] as number;
    for (let c = 1; c < classes; c++)
      if ((data[row + c] as number) > p) {
        p = data[row + c] as number;
        k = c;
      }
    best[t] = k;
    probability[t] = p;
  }
  return { best, probability };
}

/** Greedy CTC reading of one line's class probabilities (`steps` × `classes`). */
export function decode(
  data: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  characters: readonly string[],
  /** Steps that cover the line itself (the rest is padding). */
  content = steps,
): LineRead {
  const { best, probability } = bestClasses(data, offset, steps, classes);
  return readSteps(best, probability, 0, steps, characters, content);
}

/**
 * What one run of the recogniser gave for each line: each step's best class and its probability
 * (from `offset` on), from the model's two outputs where it has them (best-class.ts), else from its softmax.
 */
function classesOf(
  paddle: Paddle,
  result: Record<string, { dims: readonly number[]; data: unknown }>,
  lines: number,
): {
  steps: number;
  line: (slot: number) => {
    best: ArrayLike<number | bigint>;
    probability: ArrayLike<number>;
    offset: number;
  };
} {
  const names = paddle.recogniser.outputNames;
  const best = result[names.find((n) => n.endsWith(bestSuffix)) ?? ''];
  const probability = result[names.find((n) => n.endsWith(probabilitySuffix)) ?? ''];
  if (best && probability) {
    const steps = best.dims[1] as number;
    const b = best.data as BigInt64Array;
    const p = probability.data as Float32Array;
    return { steps, line: (slot) => ({ best: b, probability: p, offset: slot * steps }) };
  }
  const output = result[names[0] as string];
  if (output?.dims.length !== 3 || output.dims[0] !== lines) throw new Error('the recogniser gave no output');
  const [, steps, classes] = output.dims as [number, number, number];
  const data = output.data as Float32Array;
  return {
    steps,
    line: (slot) => ({ ...bestClasses(data, slot * steps * classes, steps, classes), offset: 0 }),
  };
}

/**
 * Figures read side by side (recogniseJoined): the crops of a page's figures, each at its own
 * scale, put one after the other on lines of up to this many columns, with no gap but their own
 * margins of paper. A lone figure is mostly padding at 56 columns, and the model's time goes with
 * the columns and the lines it is given: on the bench's degraded pages, 9.6k columns on 36 lines a
 * page instead of 10.7k on 91 (recognition 0.48 → 0.41 CPU s). With more context than alone, the
 * model is surer of the figures: on 36 degraded scans (150, 200 and 300 dpi, the bench's damage and
 * a harsher one), 91 of 7,164 cells flagged before were read exactly, none the other way, none
 * read wrong. Tried on one report's 283 short cell lines (with the steps between crops counted in
 * each crop's least sure step): a grey gap of 16 columns between the crops left 10 of them below
 * 80 that were sure alone (32 columns: 45; none: 2); on 5,070, a margin of paper as wide as a lone
 * crop's left 253 (three quarters of it: 60, taken). Counting the steps between two crops, where
 * the model weighs a space, flagged sure figures on clean 150-dpi scans: they are left out.
 */
export const joinedWidth = 320;

/** A crop to read side by side with others, and the ink in it (a character must stand on it). */
export interface Piece {
  crop: Box;
  ink: Box;
}

/** A piece placed on a line: its columns, and its ink's. */
export interface Placed {
  at: number;
  width: number;
  inkFrom: number;
  inkTo: number;
}

/**
 * The reading of each piece of one line, from its steps' best classes and their probabilities:
 * each run of a character goes to the piece whose ink it overlaps; the least sure step of a piece is
 * that of the steps whose middle is on its ink (the steps between two pieces, where the model
 * weighs a space, are left out) and of the step under its ink's middle. A space whose middle is on
 * no piece's ink is dropped. Null for a piece that can't be told apart: a character over two
 * pieces' ink, or over none (the pieces under it, or the last one past them all), or no character
 * at all.
 */
export function readPieces(
  best: ArrayLike<number | bigint>,
  probability: ArrayLike<number>,
  offset: number,
  steps: number,
  /** Columns a step (8). */
  perStep: number,
  placed: readonly Placed[],
  characters: readonly string[],
): (LineRead | null)[] {
  const reads: LineRead[] = placed.map((p) => {
    const middle = Math.min(steps - 1, Math.floor((p.inkFrom + p.inkTo) / 2 / perStep));
    let leastStep = probability[offset + middle] as number;
    for (
      let t = Math.max(0, Math.ceil(p.inkFrom / perStep - 0.5));
      t < Math.min(steps, p.inkTo / perStep - 0.5);
      t++
    )
      leastStep = Math.min(leastStep, probability[offset + t] as number);
    return { text: '', probabilities: [], leastStep };
  });
  const failed = new Set<number>();
  for (let t = 0; t < steps; ) {
    const k = Number(best[offset + t]);
    let u = t;
    let p = probability[offset + t] as number;
    while (u + 1 < steps && Number(best[offset + u + 1]) === k) {
      u++;
      p = Math.max(p, probability[offset + u] as number);
    }
    if (k !== 0) {
      const from = t * perStep;
      const to = (u + 1) * perStep;
      const c = characters[k] ?? '';
      // A space goes to the piece whose ink holds its middle: one at the edge of a piece's ink is
      // the gap between two pieces, which the model may read as one.
      const onInk =
        c === ' '
          ? placed.flatMap((q, j) => (q.inkFrom <= (from + to) / 2 && q.inkTo > (from + to) / 2 ? [j] : []))
          : placed.flatMap((q, j) => (q.inkFrom < to && q.inkTo > from ? [j] : []));
      if (onInk.length === 1) {
        const r = reads[onInk[0] as number] as LineRead;
        r.text += c;
        r.probabilities.push(p);
      } else if (onInk.length > 1 || c !== ' ') {
        const under = placed.flatMap((q, j) => (q.at < to && q.at + q.width > from ? [j] : []));
        for (const j of [...onInk, ...under]) failed.add(j);
        if (onInk.length === 0 && under.length === 0) failed.add(placed.length - 1);
      }
    }
    t = u + 1;
  }
  return reads.map((r, j) => (failed.has(j) || r.text.trim() === '' ? null : r));
}

/**
 * Reads crops side by side, several to a line of the recogniser (joinedWidth). A crop whose
 * reading can't be told apart from its neighbours' (readPieces) is null: to be read alone.
 */
export async function recogniseJoined(
  paddle: Paddle,
  image: Gray,
  pieces: readonly Piece[],
  lineWidth = joinedWidth,
  pad: Padding = padding,
): Promise<(LineRead | null)[]> {
  const out: (LineRead | null)[] = new Array(pieces.length).fill(null);
  const lines: { placed: (Placed & { i: number })[]; width: number }[] = [];
  let end = 0;
  for (const [i, { crop, ink }] of pieces.entries()) {
    const width = scaledWidth(crop, 1);
    const scale = width / (crop.right - crop.left + 1);
    let line = lines.at(-1);
    if (!line || end + width > lineWidth) {
      line = { placed: [], width: 0 };
      lines.push(line);
      end = 0;
    }
    line.placed.push({
      i,
      at: end,
      width,
      inkFrom: end + (ink.left - crop.left) * scale,
      inkTo: end + (ink.right + 1 - crop.left) * scale,
    });
    end += width;
    line.width = Math.ceil(Math.max(pad.minWidth, end) / 8) * 8;
  }
  // Lines of about the same width run together, as recognise's do.
  lines.sort((a, b) => a.width - b.width);
  for (let k = 0; k < lines.length; ) {
    const first = lines[k] as { width: number };
    let next = k + 1;
    while (
      next < lines.length &&
      next - k < batch &&
      (lines[next] as { width: number }).width <= first.width * sameWidth
    )
      next++;
    const group = lines.slice(k, next);
    k = next;
    const width = Math.max(...group.map((g) => g.width));
    stats.lines += group.length;
    const input = new Float32Array(group.length * 3 * height * width);
    group.forEach((g, slot) => {
      for (const p of g.placed)
        fill(image, (pieces[p.i] as Piece).crop, input, slot, width, pad.white, 1, p.at);
    });
    const result = await paddle.recogniser.run({
      [paddle.recogniser.inputNames[0] as string]: paddle.tensor(input, [group.length, 3, height, width]),
    });
    const { steps, line } = classesOf(paddle, result, group.length);
    group.forEach((g, slot) => {
      const { best, probability, offset } = line(slot);
      readPieces(best, probability, offset, steps, width / steps, g.placed, paddle.characters).forEach(
        (r, j) => {
          out[(g.placed[j] as { i: number }).i] = r;
        },
      );
    });
  }
  return out;
}

/**
 * Readings of lines already run, by what the model was given (lineKey): a page's tables repeat the
 * same figures (「0」 above all), and the model gives the same pixels at the same width the same reading.
 */
const readings = new Map<string, LineRead>();
/** At most this many readings are kept (a few MB); past it they are forgotten. */
const remembered = 20_000;
/** Lines asked for and lines answered from `readings` (for the bench). */
export const stats = { lines: 0, hits: 0 };
/** Forgets the readings (so a bench reading the same scans again runs the model again). */
export const forgetReadings = (): void => readings.clear();

/** What decides a line's reading: its pixels, their size, and how they are scaled and padded. */
export function lineKey(image: Gray, box: Box, width: number, white: boolean, squeeze: number): string {
  const bw = box.right - box.left + 1;
  // The rows copied together and hashed at once (the same digest as row by row, in one call).
  const pixels = new Uint8Array(bw * (box.bottom - box.top + 1));
  for (let y = box.top, at = 0; y <= box.bottom; y++, at += bw) {
    const start = y * image.width + box.left;
    pixels.set(image.data.subarray(start, start + bw), at);
  }
  const digest = createHash('sha1').update(pixels).digest('base64');
  return `${bw}x${box.bottom - box.top + 1} ${width} ${white ? 1 : 0} ${squeeze} ${digest}`;
}

/** Reads each box of the image as one line of text. */
export async function recognise(
  paddle: Paddle,
  image: Gray,
  boxes: readonly Box[],
  pad: Padding = padding,
  squeeze = 1,
): Promise<LineRead[]> {
  const out: LineRead[] = new Array(boxes.length);
  // Lines of about the same width run together, so little of a run is padding: the model's time
  // goes with the width it is given (about 0.1 ms of CPU a column, whatever the batch).
  const order = boxes
    .map((b, i) => ({ i, ink: scaledWidth(b, squeeze), w: Math.max(pad.minWidth, scaledWidth(b, squeeze)) }))
    .sort((a, b) => a.w - b.w);
  for (let k = 0; k < order.length; ) {
    const first = order[k] as { w: number };
    let end = k + 1;
    while (end < order.length && end - k < batch && (order[end] as { w: number }).w <= first.w * sameWidth)
      end++;
    const group = order.slice(k, end);
    k = end;
    const width = Math.ceil(Math.max(pad.minWidth, ...group.map((g) => g.w)) / 8) * 8;
    // A line whose pixels, squeeze, padding and run width were read before reads the same again.
    if (readings.size >= remembered) readings.clear();
    const keys = group.map((g) => lineKey(image, boxes[g.i] as Box, width, pad.white, squeeze));
    const run: { i: number; ink: number; key: string }[] = [];
    const pending = new Set<string>();
    group.forEach((g, n) => {
      const key = keys[n] as string;
      if (readings.has(key) || pending.has(key)) {
        stats.hits++;
        return;
      }
      pending.add(key);
      run.push({ i: g.i, ink: g.ink, key });
    });
    stats.lines += group.length;
    if (run.length > 0) {
      // Padding is 0 after normalisation, as PaddleOCR pads.
      const input = new Float32Array(run.length * 3 * height * width);
      run.forEach((g, slot) => {
        fill(image, boxes[g.i] as Box, input, slot, width, pad.white, squeeze);
      });
      const result = await paddle.recogniser.run({
        [paddle.recogniser.inputNames[0] as string]: paddle.tensor(input, [run.length, 3, height, width]),
      });
      const { steps, line } = classesOf(paddle, result, run.length);
      run.forEach((g, slot) => {
        const { best, probability, offset } = line(slot);
        const content = Math.ceil((g.ink * steps) / width);
        readings.set(g.key, readSteps(best, probability, offset, steps, paddle.characters, content));
      });
    }
    group.forEach((g, n) => {
      const r = readings.get(keys[n] as string) as LineRead;
      out[g.i] = { text: r.text, probabilities: [...r.probabilities], leastStep: r.leastStep };
    });
  }
  return out;
}
