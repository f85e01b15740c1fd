/** Text fields of the API: no control characters (pure, zod only). */
import { z } from 'zod';

/**
 * Text without control characters: NUL breaks PostgreSQL text and the XML of a DOCX, the others have
 * no place in a register. `line` allows none; `text` (several lines) keeps tab, line feed and return.
 */
const controlMessage = '不能包含控制字符（如 NUL）';
export const line = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters refused
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: controlMessage });
export const text = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters refused
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { error: controlMessage });
