/** `gongkai check 报告.json`: a report given as JSON is checked as it stands, not read as text. */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, exampleWithDefects, jsonLines, run, tempFiles } from './helpers.js';

type Finding = { code: string; severity: string; keys: string[]; line: number | null; message: string };
const findingsOf = (stdout: string) => (jsonLines(stdout)[0] as { findings: Finding[] }).findings;

describe('check of a report given as JSON', () => {
  it('finds what checking the source finds, without source places', async () => {
    const parsed = await run(['parse', '--json', exampleWithDefects]);
    const [line] = jsonLines(parsed.stdout);
    const fromText = await run(['check', '--json', exampleWithDefects]);
    const dir = tempFiles({ 'report.json': JSON.stringify(line) });
    const fromJson = await run(['check', '--json', join(dir, 'report.json')]);
    expect(fromJson.code).toBe(0);
    const codes = (text: string) =>
      findingsOf(text)
        .map((f) => f.code)
        .filter((code) => code.startsWith('check.'))
        .sort();
    expect(codes(fromText.stdout).length).toBeGreaterThan(0);
    // The wording of the labels is the source's, not the data's: the rest is found again.
    const sourceOnly = new Set(['check.label-variant']);
    expect(codes(fromJson.stdout)).toEqual(codes(fromText.stdout).filter((c) => !sourceOnly.has(c)));
    expect(codes(fromJson.stdout)).toEqual([
      'check.prose-applications',
      'check.prose-litigation',
      'check.section-missing',
    ]);
    expect(findingsOf(fromJson.stdout).every((f) => f.line === null)).toBe(true);
  });

  it('names a broken identity by its cells', async () => {
    const [line] = jsonLines((await run(['parse', '--json', example])).stdout) as [
      { cells: Record<string, number | null> },
    ];
    const total = line.cells['a.new.total'] as number;
    line.cells['a.new.total'] = total + 1;
    const dir = tempFiles({ 'report.json': JSON.stringify(line) });
    const result = await run(['check', '--json', join(dir, 'report.json')]);
    const identity = findingsOf(result.stdout).find(
      (f) => f.severity === 'error' && f.keys.includes('a.new.total'),
    ) as Finding & { message: string };
    expect(identity.message).toContain('勾稽关系不成立');
    expect(identity?.severity).toBe('error');
    expect(identity?.keys).toContain('a.new.total');
    expect(identity?.line).toBeNull();
  });

  it('refuses invalid JSON with the reason and exit code 2', async () => {
    const dir = tempFiles({ 'bad.json': '{"format":"2021"' });
    const result = await run(['check', join(dir, 'bad.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('报告 JSON 无效');
    expect(result.stderr).toContain('不是有效的 JSON');
  });
});
