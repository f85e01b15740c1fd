/**
 * The one font family the PDF embeds: Noto Serif SC from its npm package, Regular for 仿宋 (body,
 * tables, 楷体 headings) and 宋体 (page numbers), Bold for 小标宋 (the title) and 黑体 (一级标题,
 * table headers). pdfkit embeds only the glyphs a document uses (a subset).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Face = 'regular' | 'bold';

const files: Record<Face, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<Face, Buffer>();

/** The TTF of a face, read once per process. */
export function fontBytes(face: Face): Buffer {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = readFileSync(require.resolve(files[face]));
    cache.set(face, bytes);
  }
  return bytes;
}
