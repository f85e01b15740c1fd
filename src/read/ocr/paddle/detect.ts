/**
 * Text detection (PaddleOCR's DB model): the page at half size in, a map of how likely each pixel
 * is text out; each connected region of likely text is a line (or a piece of one), grown back to
 * the size of its ink, as PaddleOCR's post-processing does.
 */
import type { Gray } from '../image.js';
import type { Box } from '../rules.js';
import type { Paddle } from './models.js';

/** A pixel of the map is text above this … */
const pixelThreshold = 0.3;
/** … and a region is kept when its pixels' mean is above this. */
const regionThreshold = 0.6;
/** A region is grown by this share of its height on each side (PaddleOCR's unclip, 1.5 of area). */
const grow = 0.75;

const mean = [0.485, 0.456, 0.406] as const;
const std = [0.229, 0.224, 0.225] as const;

/** The detector's input: the image scaled by `scale`, each side a multiple of 32, 3 normalised planes. */
export function detectorInput(
  image: Gray,
  scale: number,
): { data: Float32Array; width: number; height: number } {
  const width = Math.max(32, Math.ceil((image.width * scale) / 32) * 32);
  const height = Math.max(32, Math.ceil((image.height * scale) / 32) * 32);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  const step = 1 / scale;
  // Each output pixel is the mean of the source pixels it covers (box filter): the columns each
  // output column covers, summed along each row first (sums of whole numbers: exact in any order).
  const xFrom = new Int32Array(width);
  const xTo = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    xFrom[x] = Math.floor(x * step);
    xTo[x] = Math.min(image.width, Math.floor((x + 1) * step));
  }
  const sums = new Float64Array(width);
  const src = image.data;
  const m0 = mean[0];
  const m1 = mean[1];
  const m2 = mean[2];
  const s0 = std[0];
  const s1 = std[1];
  const s2 = std[2];
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * step);
    const y1 = Math.min(image.height, Math.floor((y + 1) * step));
    sums.fill(0);
    for (let sy = y0; sy < y1; sy++) {
      const row = sy * image.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let sx = xFrom[x] as number, end = xTo[x] as number; sx < end; sx++)
          sum += src[row + sx] as number;
        sums[x] = (sums[x] as number) + sum;
      }
    }
    const rows = Math.max(0, y1 - y0);
    for (let x = 0; x < width; x++) {
      const n = rows * Math.max(0, (xTo[x] as number) - (xFrom[x] as number));
      const v = n === 0 ? 1 : (sums[x] as number) / n / 255;
      const i = y * width + x;
      data[i] = (v - m0) / s0;
      data[plane + i] = (v - m1) / s1;
      data[2 * plane + i] = (v - m2) / s2;
    }
  }
  return { data, width, height };
}

/** Regions of the probability map: each one's box (in map pixels) and mean probability. */
export function regions(prob: Float32Array, width: number, height: number): Box[] {
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const out: Box[] = [];
  const visit = (q: number) => {
    if (q < prob.length && !seen[q] && (prob[q] as number) > pixelThreshold) {
      seen[q] = 1;
      stack.push(q);
    }
  };
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || (prob[start] as number) <= pixelThreshold) continue;
    seen[start] = 1;
    stack.push(start);
    let left = width;
    let right = -1;
    let top = height;
    let bottom = -1;
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      sum += prob[p] as number;
      count++;
      // The four neighbours, in this order (no array made for them at every pixel).
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      visit(p + width);
    }
    // Too small to be text (PaddleOCR drops boxes under 3 pixels a side).
    if (right - left < 2 || bottom - top < 2 || sum / count <= regionThreshold) continue;
    out.push({ left, top, right, bottom });
  }
  return out;
}

export interface Detected {
  /** The region as the map gives it (the middle of the text), on the image. */
  core: Box;
  /** The region grown to take in the whole line, as the recogniser wants it. */
  box: Box;
}

/** The text lines of an image, top to bottom. */
export async function detect(paddle: Paddle, image: Gray, scale: number): Promise<Detected[]> {
  const input = detectorInput(image, scale);
  const result = await paddle.detector.run({
    [paddle.detector.inputNames[0] as string]: paddle.tensor(input.data, [1, 3, input.height, input.width]),
  });
  const prob = result[paddle.detector.outputNames[0] as string]?.data as Float32Array;
  return regions(prob, input.width, input.height)
    .map((r) => {
      const m = grow * (r.bottom - r.top + 1);
      const core = {
        left: Math.floor(r.left / scale),
        right: Math.min(image.width - 1, Math.ceil((r.right + 1) / scale)),
        top: Math.floor(r.top / scale),
        bottom: Math.min(image.height - 1, Math.ceil((r.bottom + 1) / scale)),
      };
      const box = {
        left: Math.max(0, Math.floor((r.left - m) / scale)),
        right: Math.min(image.width - 1, Math.ceil((r.right + 1 + m) / scale)),
        top: Math.max(0, Math.floor((r.top - m) / scale)),
        bottom: Math.min(image.height - 1, Math.ceil((r.bottom + 1 + m) / scale)),
      };
      return { core, box };
    })
    .sort((a, b) => a.core.top - b.core.top || a.core.left - b.core.left);
}
