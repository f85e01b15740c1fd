/**
 * Before reading a page: even out the contrast (a scan's background is rarely uniform) and turn
 * the page straight (a sheet fed a little askew), so that ruling lines run along the pixel rows
 * and columns.
 */
import { type Gray, grayImage } from './image.js';

/** Side of the tiles in which the paper's brightness is taken, in pixels. */
const tile = 48;

/**
 * Divides each pixel by the brightness of the paper around it (the brightest pixels of its tile,
 * interpolated between tiles), so that a shadowed or grey background becomes white and text
 * keeps its darkness relative to the paper.
 */
export function flattenBackground(image: Gray): Gray {
  const { width, height, data } = image;
  const tw = Math.ceil(width / tile);
  const th = Math.ceil(height / tile);
  const paper = new Float32Array(tw * th);
  // One histogram a tile of the band of tiles, filled row by row (one pass over the pixels).
  const histograms = new Uint32Array(tw * 256);
  for (let ty = 0; ty < th; ty++) {
    histograms.fill(0);
    const yEnd = Math.min(height, (ty + 1) * tile);
    for (let y = ty * tile; y < yEnd; y++) {
      const row = y * width;
      for (let tx = 0, x = 0; tx < tw; tx++) {
        const base = tx * 256;
        const xEnd = Math.min(width, x + tile);
        for (; x < xEnd; x++) {
          const h = base + (data[row + x] as number);
          histograms[h] = (histograms[h] as number) + 1;
        }
      }
    }
    for (let tx = 0; tx < tw; tx++) {
      const n = (yEnd - ty * tile) * (Math.min(width, (tx + 1) * tile) - tx * tile);
      const base = tx * 256;
      // The paper: the level that the brightest tenth of the tile reaches.
      let seen = 0;
      let level = 255;
      while (level > 0 && seen + (histograms[base + level] as number) < n * 0.1)
        seen += histograms[base + level--] as number;
      paper[ty * tw + tx] = Math.max(level, 60);
    }
  }
  // A tile that is all ink (a thick bar, a photo) takes the paper of its brighter neighbours.
  const smoothed = new Float32Array(paper.length);
  for (let ty = 0; ty < th; ty++)
    for (let tx = 0; tx < tw; tx++) {
      let best = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const v =
            paper[Math.min(th - 1, Math.max(0, ty + dy)) * tw + Math.min(tw - 1, Math.max(0, tx + dx))];
          best = Math.max(best, v as number);
        }
      smoothed[ty * tw + tx] = best;
    }
  // Bilinear between tile centres, separably: each row's paper across the tiles, then along the row.
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const wxs = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(tw - 1, Math.max(0, (x - tile / 2) / tile));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(tw - 1, (x0s[x] as number) + 1);
    wxs[x] = fx - (x0s[x] as number);
  }
  const across = new Float64Array(tw);
  // Every pixel is written below: no need to fill the image first.
  const o = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(th - 1, Math.max(0, (y - tile / 2) / tile));
    const y0 = Math.floor(fy);
    const y1 = Math.min(th - 1, y0 + 1);
    const wy = fy - y0;
    for (let tx = 0; tx < tw; tx++)
      across[tx] = (smoothed[y0 * tw + tx] as number) * (1 - wy) + (smoothed[y1 * tw + tx] as number) * wy;
    const row = y * width;
    // Tile by tile along the row: the two papers interpolated between are the same across a tile.
    for (let x = 0; x < width; ) {
      const t0 = x0s[x] as number;
      const a0 = across[t0] as number;
      const a1 = across[x1s[x] as number] as number;
      let end = x + 1;
      while (end < width && x0s[end] === t0) end++;
      for (; x < end; x++) {
        const wx = wxs[x] as number;
        const v = (255 * (data[row + x] as number)) / (a0 * (1 - wx) + a1 * wx);
        o[row + x] = v >= 255 ? 255 : v;
      }
    }
  }
  return { width, height, data: o };
}

/** Dark enough to be ink, after flattening. */
export const inkLevel = 150;

/** Largest skew looked for, in degrees (a sheet fed askew by more is refused by any scanner). */
export const maxSkew = 1.5;

/**
 * The page's skew in degrees (positive: the text runs down to the right), from the angle at which
 * the ink lines up best in rows: the projection of the ink onto the vertical is sharpest.
 */
export function estimateSkew(image: Gray): number {
  const { width, height, data } = image;
  // A sample of ink pixels: every fourth column is plenty. Every row, though: skipping rows would
  // favour the angle 0, where the sampled rows fall into every other bin.
  // The sample's rows, column by column (a column's pixels all move by the same shift).
  const columns = Math.ceil(width / 4);
  const starts = new Int32Array(columns + 1);
  // One pass over the sample: each ink pixel's place (row by row), then sorted by column below.
  // (The array is as large as the sample; only the part written is ever touched.)
  const found = new Int32Array(columns * height);
  let count = 0;
  for (let y = 0; y < height; y++)
    for (let j = 0, i = y * width, at = y * columns; j < columns; j++, i += 4)
      if ((data[i] as number) < inkLevel) {
        starts[j + 1] = (starts[j + 1] as number) + 1;
        found[count++] = at + j;
      }
  if (count < 100) return 0;
  for (let j = 0; j < columns; j++) starts[j + 1] = (starts[j + 1] as number) + (starts[j] as number);
  const ys = new Int32Array(count);
  const next = starts.slice(0, columns);
  for (let k = 0; k < count; k++) {
    const at = found[k] as number;
    const j = at % columns;
    ys[(next[j] as number)++] = (at - j) / columns;
  }
  // Counts are whole numbers: the sum of their squares is exact in a double.
  const bins = new Int32Array(height + 2 * width);
  const score = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (let j = 0; j < columns; j++) {
      // round(y − x·t) is y + round(−x·t) for a whole y.
      const shift = Math.round(-(4 * j) * t) + width;
      for (let i = starts[j] as number, end = starts[j + 1] as number; i < end; i++) {
        const b = (ys[i] as number) + shift;
        bins[b] = (bins[b] as number) + 1;
      }
    }
    let s = 0;
    for (let b = 0; b < bins.length; b++) s += (bins[b] as number) * (bins[b] as number);
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxSkew; d <= maxSkew + 1e-9; d += 0.1) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  // Refine to a hundredth of a degree around the best tenth.
  for (let d = best - 0.09; d <= best + 0.09 + 1e-9; d += 0.01) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Turns the page by `-degrees` around its centre (bilinear), the new corners white. */
export function rotate(image: Gray, degrees: number): Gray {
  if (degrees === 0) return image;
  const { width, height, data } = image;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  const out = grayImage(width, height);
  const o = out.data;
  const lastX = width - 1;
  const lastY = height - 1;
  for (let y = 0; y < height; y++) {
    // Where the row's pixels lie on the skewed page: a step along the row is (cos, sin) there.
    const dy = y - cy;
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const row = y * width;
    for (let x = 0; x < width; x++, sx += cos, sy += sin) {
      // Truncation is the floor here, the coordinates being checked non-negative first (a third of
      // the time of Math.floor on this loop, the page's largest).
      if (sx < 0 || sy < 0) continue;
      const x0 = sx | 0;
      const y0 = sy | 0;
      if (x0 >= lastX || y0 >= lastY) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const a0 = data[i] as number;
      const b0 = data[i + width] as number;
      const top = a0 + fx * ((data[i + 1] as number) - a0);
      const bottom = b0 + fx * ((data[i + width + 1] as number) - b0);
      o[row + x] = top + fy * (bottom - top);
    }
  }
  return out;
}

/** The page flattened and straightened, with the skew that was taken out. */
export function preprocess(image: Gray): { image: Gray; skew: number } {
  const flat = flattenBackground(image);
  const skew = estimateSkew(flat);
  return { image: rotate(flat, skew), skew };
}
