/**
 * Which OCR engine reads scans: PaddleOCR (PP-OCRv4 models run by onnxruntime-node) where both
 * optional packages load, else tesseract. `GONGKAI_OCR_ENGINE=paddle|tesseract` or the read
 * option `engine` picks one; the figures behind the default are in the README (扫描件（文字识别）).
 */
import { loadPaddle, type Paddle, probePaddle } from './paddle/models.js';
import { engineName, ocrInstalled, run } from './tesseract.js';

export type OcrEngineId = 'paddle' | 'tesseract';

export type OcrEngine =
  | { id: 'tesseract'; name: string }
  /** `paddle` loads the models on first use, once a thread. */
  | { id: 'paddle'; name: string; paddle: () => Promise<Paddle> };

/**
 * The engine used when none is asked for and both are there: PaddleOCR, which read every cell of
 * the bench's clean scans exactly (tesseract 89.5%) and flags fewer cells on degraded ones, at
 * about twice tesseract's CPU time a page (README, 扫描件（文字识别）).
 */
export const defaultEngine: OcrEngineId = 'paddle';

/** The engine asked for: the option, else the environment variable, else none. */
export function wantedEngine(option?: OcrEngineId): OcrEngineId | undefined {
  if (option) return option;
  const env = process.env.GONGKAI_OCR_ENGINE?.trim().toLowerCase();
  return env === 'paddle' || env === 'tesseract' ? env : undefined;
}

let poppler: Promise<boolean> | undefined;

/** Whether poppler's pdftoppm (which turns pages into images for either engine) is installed. */
export function popplerInstalled(): Promise<boolean> {
  poppler ??= run('pdftoppm', ['-v'], { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  return poppler;
}

async function paddleEngine(): Promise<OcrEngine | null> {
  const name = await probePaddle();
  if (!name || !(await popplerInstalled())) return null;
  const paddle = async () => {
    const loaded = await loadPaddle();
    if (!loaded) throw new Error('PaddleOCR 的模型无法加载');
    return loaded;
  };
  return { id: 'paddle', name, paddle };
}

async function tesseractEngine(): Promise<OcrEngine | null> {
  return (await ocrInstalled()) ? { id: 'tesseract', name: await engineName() } : null;
}

/**
 * The engine to read with: the one asked for, or null where it is missing; with none asked for,
 * the default where it is there, else the other one, else null.
 */
export async function chooseEngine(option?: OcrEngineId): Promise<OcrEngine | null> {
  const wanted = wantedEngine(option);
  const load = (id: OcrEngineId) => (id === 'paddle' ? paddleEngine() : tesseractEngine());
  if (wanted) return load(wanted);
  return (await load(defaultEngine)) ?? load(defaultEngine === 'paddle' ? 'tesseract' : 'paddle');
}
