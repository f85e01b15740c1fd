/** `gongkai render`, `convert` and `schema` in-process: output, -o, standard input, exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { resolveOutput, writeRendered } from '../../src/cli/output.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderHtml } from '../../src/render/html/index.js';
import { getRenderer, type Renderer } from '../../src/render/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { renderText } from '../../src/render/text/index.js';
import { loadReportJson } from '../../src/report-json/load.js';
import { Capture, example, exampleWithDefects, root, run, tempFiles } from './helpers.js';

const report = generateReport(5, '2021');
const json = JSON.stringify(report);

describe('gongkai render', () => {
  it('writes Markdown of a report JSON file to standard output', async () => {
    const dir = tempFiles({ 'r.json': json });
    const result = await run(['render', join(dir, 'r.json'), '--to', 'md']);
    expect(result).toEqual({ code: 0, stdout: renderMarkdown(report), stderr: '' });
  });

  it('reads standard input for -, and accepts a line of parse --json (file and findings ignored)', async () => {
    const parsed = await run(['parse', '--json', example]);
    const result = await run(['render', '-', '--to', 'html'], { stdin: parsed.stdout });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(renderHtml(loadReportJson(parsed.stdout)));
    expect(result.stdout).toContain('<h1>嘉祥县工业和信息化局2021年政府信息公开工作年度报告</h1>');
  });

  it('writes to the file given by -o, and to standard output for -o -', async () => {
    const dir = tempFiles({ 'r.json': json });
    const out = join(dir, 'r.html');
    expect(await run(['render', join(dir, 'r.json'), '--to', 'html', '-o', out])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(readFileSync(out, 'utf8')).toBe(renderHtml(report));
    const dash = await run(['render', '-', '--to', 'html', '-o', '-'], { stdin: json });
    expect(dash).toEqual({ code: 0, stdout: renderHtml(report), stderr: '' });
  });

  it('writes text in the cell-per-line layout, or the one given by --layout', async () => {
    expect((await run(['render', '-', '--to', 'txt'], { stdin: json })).stdout).toBe(
      renderText(report, 'cell-per-line'),
    );
    expect((await run(['render', '-', '--to', 'txt', '--layout', 'tab-rows'], { stdin: json })).stdout).toBe(
      renderText(report, 'tab-rows'),
    );
  });

  it.runIf(getRenderer('docx') === undefined)('says DOCX is not supported yet (exit 2)', async () => {
    expect(await run(['render', '-', '--to', 'docx'], { stdin: json })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：暂不支持输出 DOCX（可用：txt、html、md）\n',
    });
  });

  it.runIf(getRenderer('pdf') === undefined)('says PDF is not supported yet (exit 2)', async () => {
    const result = await run(['render', '-', '--to', 'pdf'], { stdin: json });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gongkai: 错误：暂不支持输出 PDF（可用：txt、html、md/);
  });

  for (const [target, magic] of [
    ['docx', 'PK'],
    ['pdf', '%PDF'],
  ] as const)
    it.runIf(getRenderer(target) !== undefined)(
      `writes ${target} bytes to the file given by -o`,
      async () => {
        const dir = tempFiles({});
        const out = join(dir, `r.${target}`);
        expect(await run(['render', '-', '--to', target, '-o', out], { stdin: json })).toEqual({
          code: 0,
          stdout: '',
          stderr: '',
        });
        expect(readFileSync(out).subarray(0, magic.length).toString('latin1')).toBe(magic);
      },
    );

  it('refuses an unknown target, a missing --to and --layout with another target (exit 2)', async () => {
    expect(await run(['render', '-', '--to', 'xlsx'], { stdin: json })).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^gongkai: 错误：未知的输出格式「xlsx」（可用：txt、html、md[、a-z]*）\n$/,
      ),
    });
    expect(await run(['render', '-'], { stdin: json })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：缺少必需的选项「--to <格式>」\n（运行 gongkai help 查看用法）\n',
    });
    expect(await run(['render', '-', '--to', 'md', '--layout', 'tab-rows'], { stdin: json })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：--layout 只用于 --to txt\n',
    });
    const layout = await run(['render', '-', '--to', 'txt', '--layout', 'wide'], { stdin: json });
    expect(layout.code).toBe(2);
    expect(layout.stderr).toMatch(/^gongkai: 错误：未知的文本版式「wide」（可用：cell-per-line、/);
  });

  it('says what is wrong with invalid report JSON (exit 2)', async () => {
    const bad = { ...report, year: '2021', cells: { ...report.cells, 'a.new.np': -1.5, extra: 1 } };
    delete (bad as Partial<typeof bad>).signedOn;
    expect(await run(['render', '-', '--to', 'md'], { stdin: JSON.stringify(bad) })).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        '-: 错误：报告 JSON 无效：',
        '  - year 应为整数或 null，实际为字符串 "2021"',
        '  - 缺少 signedOn',
        '  - cells["extra"] 不是 2021 年版代码表中的键',
        '',
      ].join('\n'),
    });
    expect(await run(['render', '-', '--to', 'md'], { stdin: '{"format": "2021",' })).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^-: 错误：报告 JSON 无效：\n {2}- 不是有效的 JSON（.*）\n$/),
    });
  });

  it('reports a missing input file and an output file it cannot write (exit 2)', async () => {
    const dir = tempFiles({ 'r.json': json });
    const missing = join(dir, 'nope.json');
    expect(await run(['render', missing, '--to', 'md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${missing}: 错误：文件不存在\n`,
    });
    const out = join(dir, 'no-such-dir', 'r.md');
    expect(await run(['render', join(dir, 'r.json'), '--to', 'md', '-o', out])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${out}: 错误：无法写入文件：所在目录不存在\n`,
    });
  });
});

describe('gongkai convert', () => {
  it('reads a report with the pipeline and writes it as HTML', async () => {
    const { report: read } = await processBytes(readFileSync(join(root, example)), example);
    expect(await run(['convert', example, '--to', 'html'])).toEqual({
      code: 0,
      stdout: renderHtml(read),
      stderr: '',
    });
  });

  it('converts a report with findings, listing them and their summary on standard error', async () => {
    const dir = tempFiles({});
    const out = join(dir, 'r.md');
    const result = await run(['convert', exampleWithDefects, '--to', 'md', '-o', out]);
    const { report: read } = await processBytes(
      readFileSync(join(root, exampleWithDefects)),
      exampleWithDefects,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `${exampleWithDefects}:11:15: warning check.prose-applications 正文称已办理（公开、答复或办结）政府信息公开申请，但表三「本年新收」与「上年结转」均为 0`,
      `${exampleWithDefects}:21:1: warning check.prose-litigation 正文称发生了政府信息公开行政复议或行政诉讼，但表四各项总计均为 0`,
      `${exampleWithDefects}:31:1: warning check.label-variant 表格标签「本年发件数」与规定格式不一致，应为「本年制发件数」`,
      `${exampleWithDefects}:0:0: warning check.section-missing 缺少第六部分「其他需要报告的事项」`,
      '共 1 个文件：0 个错误，4 个警告，0 条提示',
      '',
    ]);
    expect(readFileSync(out, 'utf8')).toBe(renderMarkdown(read));
  });

  it('reads standard input for -', async () => {
    const text = renderText(report, 'tab-indented');
    const result = await run(['convert', '-', '--to', 'txt', '--layout', 'tab-rows'], { stdin: text });
    const { report: read } = await processBytes(Buffer.from(text), '-');
    expect(result).toEqual({ code: 0, stdout: renderText(read, 'tab-rows'), stderr: '' });
  });

  it('reports an unreadable input (exit 2) and refuses an unsupported target before reading', async () => {
    expect(await run(['convert', 'no/such/file.txt', '--to', 'md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'no/such/file.txt: 错误：文件不存在\n',
    });
    const result = await run(['convert', 'no/such/file.txt', '--to', 'odt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gongkai: 错误：未知的输出格式「odt」/);
  });
});

describe('gongkai schema', () => {
  it('prints the JSON Schema of one format: exactly its codebook keys as cells', async () => {
    const result = await run(['schema', '--format', '2019']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      $schema: string;
      properties: Record<string, { required?: string[]; additionalProperties?: unknown }>;
      required: string[];
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual([
      'format',
      'agency',
      'year',
      'publishedOn',
      'signedOn',
      'cells',
      'sections',
    ]);
    expect(schema.properties.cells?.required).toHaveLength(198);
    expect(schema.properties.cells?.additionalProperties).toBe(false);
    expect(schema.properties.format).toMatchObject({ const: '2019' });
  });

  it('prints both formats without --format, and refuses an unknown one (exit 2)', async () => {
    const schema = JSON.parse((await run(['schema'])).stdout) as {
      oneOf: { properties: { format: unknown } }[];
    };
    expect(schema.oneOf.map((s) => s.properties.format)).toMatchObject([
      { const: '2021' },
      { const: '2019' },
    ]);
    expect(await run(['schema', '--format', '2020'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'gongkai: 错误：选项「--format <版本>」的取值「2020」无效（可选：2021、2019）\n（运行 gongkai help 查看用法）\n',
    });
  });
});

describe('binary output (a stand-in renderer)', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
  const fake: Renderer = {
    target: 'docx',
    mediaType: 'application/x-test',
    binary: true,
    render: async () => bytes,
  };
  const io = (isTTY: boolean): CliIO & { stdout: Capture } => ({
    stdout: new Capture(isTTY),
    stderr: new Capture(),
    stdin: (async function* () {})(),
  });

  it('says a planned target is not supported yet while no renderer provides it', () => {
    const withoutDocx = (t: string) => (t === 'docx' ? undefined : t === 'pdf' ? fake : getRenderer(t));
    expect(resolveOutput({ to: 'docx' }, io(false), withoutDocx)).toEqual({
      ok: false,
      reason: '暂不支持输出 DOCX（可用：txt、html、md、pdf）',
    });
  });

  it('needs -o when standard output is a terminal', () => {
    expect(resolveOutput({ to: 'docx' }, io(true), () => fake)).toEqual({
      ok: false,
      reason: 'DOCX 是二进制格式，不能输出到终端，请用 -o 指定输出文件',
    });
    expect(resolveOutput({ to: 'docx', output: '-' }, io(true), () => fake).ok).toBe(false);
    expect(resolveOutput({ to: 'docx', output: 'r.docx' }, io(true), () => fake).ok).toBe(true);
    expect(resolveOutput({ to: 'docx' }, io(false), () => fake).ok).toBe(true);
  });

  it('writes the bytes to a file or to a piped standard output', async () => {
    const resolved = resolveOutput({ to: 'docx' }, io(false), () => fake);
    if (!resolved.ok) throw new Error(resolved.reason);
    const dir = tempFiles({});
    expect(await writeRendered(report, resolved, join(dir, 'r.docx'), io(false))).toBeNull();
    expect(new Uint8Array(readFileSync(join(dir, 'r.docx')))).toEqual(bytes);
    const piped = io(false);
    const chunks: unknown[] = [];
    piped.stdout.write = (chunk) => chunks.push(chunk) > 0;
    expect(await writeRendered(report, resolved, undefined, piped)).toBeNull();
    expect(chunks).toEqual([bytes]);
  });
});
