/** Reports for the inspector's tests, made from the examples. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const example = readFileSync(
  resolve(import.meta.dirname, '../../../examples/湟源县人民政府办公室-2021.txt'),
  'utf8',
);

/** The example with 自然人 of 本年新收 (line 111) changed from 0 to 5: the identities of table 三 break. */
export const brokenExample = (): string => {
  const lines = example.split('\n');
  if (lines[110] !== '0') throw new Error('the example changed: line 111 is no longer 自然人 of 本年新收');
  lines[110] = '5';
  return lines.join('\n');
};
