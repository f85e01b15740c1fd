import { formatBytes, limits } from '../core/limits.js';
import type { SourceFile } from '../core/source-file.js';
import { garbageRatio } from '../decode/decode.js';

/**
 * The checks every text-like reader makes on its input: size limit, then decoding, then
 * refusing an empty or binary file; undecodable characters are a warning. `what` names the kind
 * of file in messages (「文本」「网页」).
 */
export function decodedInput(
  bytes: Uint8Array,
  file: SourceFile,
  what: string,
  decode: (bytes: Uint8Array) => { text: string; encoding: string; replacements: number },
): string {
  if (bytes.length > limits.textBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过${what}报告 ${formatBytes(limits.textBytes)} 的上限`,
    );
  const decoded = decode(bytes);
  if (decoded.text.trim() === '') file.fail('文件为空，没有可读取的内容');
  if (garbageRatio(decoded.text) > 0.05)
    file.fail(`文件不是可识别的${what}（可能是二进制文件或编码无法识别）`);
  if (decoded.replacements > 0)
    file.warn(
      'read.decode',
      `有 ${decoded.replacements} 个字符无法按 ${decoded.encoding} 解码，已替换为「�」`,
    );
  file.text = decoded.text;
  return decoded.text;
}
