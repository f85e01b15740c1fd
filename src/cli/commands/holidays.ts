/**
 * `gongkai holidays list|add|remove`: the holiday table deadlines are counted by. A year's notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知) comes out in the autumn before; until it is entered,
 * deadlines that reach the year can't be worked out. `add` reads the notice itself (`--from`: its
 * web page, DOCX, PDF or text, read by Gongkai's readers), or takes it from options or from a JSON
 * file in the API's shape (PUT /api/holidays).
 *
 *   gongkai holidays add --from 国务院办公厅关于2027年部分节假日安排的通知.html
 *   gongkai holidays add --year 2027 --notice 国办发明电〔2026〕9号 --notice-date 2026-11-10 \
 *     --festival 元旦:2027-01-01..2027-01-03 --festival 春节:2027-02-06..2027-02-14:2027-02-20 …
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { SourceFile, UnreadableInputError } from '../../core/source-file.js';
import type { Block } from '../../read/blocks.js';
import { readBlocks } from '../../read/registry.js';
import { coverageText, festivalLine, readHolidayNotice } from '../../workflow/index.js';
import { ExitCode } from '../exit-code.js';
import { describeReadError, readAll, STDIN } from '../input.js';
import type { CliIO } from '../io.js';
import { withStore, writeJson } from './register-shared.js';

type Done = (code: number) => void;
const p = svc.cliPrincipal;

/** Where the table stops and what to enter next, in a line. */
const coverage = (t: svc.HolidayTable): string =>
  `${coverageText(t)}，发布通知后用 gongkai holidays add 录入。`;

/** 「元旦:2027-01-01..2027-01-03[:2027-01-04,…]」 → a festival of the API body. */
export function parseFestival(
  value: string,
): { name: string; off: [string, string]; work: string[] } | string {
  const parts = value.split(/[:：]/);
  const [name, range, work] = parts;
  const days = range?.split(/\.\.|至|~|～/) ?? [];
  if (parts.length < 2 || parts.length > 3 || !name?.trim() || days.length < 1 || days.length > 2)
    return `节日「${value}」的写法应为 名称:放假第一天..最后一天[:调休上班日,…]，如 春节:2027-02-06..2027-02-14:2027-02-20`;
  const first = (days[0] as string).trim();
  const last = (days[1] ?? first).trim();
  return {
    name: name.trim(),
    off: [first, last],
    work: (work ?? '')
      .split(/[,，、]/)
      .map((d) => d.trim())
      .filter((d) => d !== ''),
  };
}

interface AddOptions {
  from?: string;
  file?: string;
  year?: string;
  notice?: string;
  noticeDate?: string;
  noticeTitle?: string;
  festival?: string[];
  dryRun?: boolean;
  json?: boolean;
}

/** The bytes of a file argument, or of standard input for 「-」. */
async function bytesOf(path: string, io: CliIO): Promise<Uint8Array> {
  try {
    return path === STDIN ? await readAll(io.stdin) : await readFile(path);
  } catch (error) {
    throw new UsageError(`${path}：${describeReadError(error)}`);
  }
}

/** A notice's text as Gongkai's readers find it: its paragraphs, and its tables' cells, a line each. */
async function noticeText(path: string, io: CliIO): Promise<string> {
  const bytes = await bytesOf(path, io);
  let blocks: Block[];
  try {
    ({ blocks } = await readBlocks(bytes, new SourceFile(path === STDIN ? 'notice.txt' : path), {}));
  } catch (error) {
    if (error instanceof UnreadableInputError) throw new UsageError(`${path}：${error.message}`);
    throw error;
  }
  return blocks
    .flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join(''))))
    .join('\n');
}

async function bodyOf(o: AddOptions, io: CliIO): Promise<unknown> {
  if (o.from !== undefined) {
    const read = readHolidayNotice(await noticeText(o.from, io));
    if (!read.ok)
      throw new UsageError(
        `${o.from} 不能读成节假日安排的通知：\n${read.problems.map((p) => `  ${p}`).join('\n')}`,
      );
    return read.arrangement;
  }
  if (o.file !== undefined) {
    const bytes = await bytesOf(o.file, io);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new UsageError(`${o.file} 不是有效的 JSON：${(error as Error).message}`);
    }
  }
  const festivals = (o.festival ?? []).map(parseFestival);
  const bad = festivals.find((f) => typeof f === 'string');
  if (bad !== undefined) throw new UsageError(bad);
  if (o.year === undefined || o.notice === undefined || o.noticeDate === undefined || festivals.length === 0)
    throw new UsageError(
      '请给出 --from（通知本身）、--file，或 --year、--notice、--notice-date 和至少一个 --festival',
    );
  return {
    year: Number(o.year),
    notice: { number: o.notice, date: o.noticeDate, ...(o.noticeTitle ? { title: o.noticeTitle } : {}) },
    festivals,
  };
}

class UsageError extends Error {}

export function defineHolidays(program: Command, io: CliIO, done: Done): Command {
  const holidays = program
    .command('holidays')
    .summary('节假日安排：计算工作日期限所依据的（可录入新年度）')
    .usage('<命令>');
  holidays
    .command('list')
    .summary('列出各年度的节假日安排')
    .option('--year <年度>', '只列出这一年，逐个节日')
    .option('--json', '输出 JSON')
    .action(async (o: { year?: string; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const table = await svc.holidayTableOf(store);
          const years =
            o.year === undefined ? table.years : table.years.filter((y) => String(y.year) === o.year);
          if (o.year !== undefined && years.length === 0) {
            io.stderr.write(`gongkai: 错误：没有 ${o.year} 年的节假日安排。${coverage(table)}\n`);
            return ExitCode.usage;
          }
          if (o.json) {
            writeJson(io, o.year === undefined ? table : years[0]);
            return ExitCode.ok;
          }
          for (const y of years) {
            const source = y.source === 'builtIn' ? '自带' : y.replacesBuiltIn ? '录入（替换自带）' : '录入';
            io.stdout.write(`${y.year}\t${y.notice.number}（${y.notice.date}）\t${source}\n`);
            if (o.year !== undefined) {
              for (const f of y.festivals) io.stdout.write(`  ${festivalLine(f)}\n`);
              for (const a of y.amendments) io.stdout.write(`  调整：${a.number}（${a.date}）${a.change}\n`);
            }
          }
          if (o.year === undefined) io.stdout.write(`${coverage(table)}\n`);
          return ExitCode.ok;
        }),
      );
    });
  holidays
    .command('add')
    .summary('录入某年度的节假日安排（按国务院办公厅的通知）')
    .option(
      '--from <文件>',
      '通知本身：网页、DOCX、PDF 或文本（读出年度、文号、成文日期和各节日的安排），“-” 表示标准输入',
    )
    .option('--file <文件>', 'JSON 文件（与 PUT /api/holidays 的请求体相同），“-” 表示标准输入')
    .option('--year <年度>', '安排的年度')
    .option('--notice <文号>', '通知的发文字号，如 国办发明电〔2025〕7号')
    .option('--notice-date <日期>', '通知的成文日期（YYYY-MM-DD）')
    .option('--notice-title <标题>', '通知标题（省略时为「国务院办公厅关于YYYY年部分节假日安排的通知」）')
    .option(
      '--festival <节日>',
      '一个节日：名称:放假第一天..最后一天[:调休上班日,…]，如 春节:2027-02-06..2027-02-14:2027-02-20（可重复）',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--dry-run', '只读出并检查，不录入')
    .option('--json', '输出 JSON')
    .action(async (o: AddOptions) => {
      done(
        await withStore(io, async (store) => {
          let body: unknown;
          try {
            body = await bodyOf(o, io);
          } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            io.stderr.write(`gongkai: 错误：${error.message}\n`);
            return ExitCode.usage;
          }
          const arrangement = s.holidayYearBody.parse(body);
          const what = `${arrangement.year} 年的节假日安排（${arrangement.notice.number}，${arrangement.notice.date}）`;
          if (o.dryRun) {
            if (o.json) writeJson(io, arrangement);
            else {
              io.stdout.write(`读出 ${what}，未录入：\n`);
              for (const f of arrangement.festivals) io.stdout.write(`  ${festivalLine(f)}\n`);
            }
            return ExitCode.ok;
          }
          const table = await svc.putHolidayYear(store, p, arrangement);
          const entered = table.years.find((y) => y.year === arrangement.year);
          if (o.json) writeJson(io, entered);
          else {
            io.stdout.write(`已录入 ${what}：\n`);
            for (const f of arrangement.festivals) io.stdout.write(`  ${festivalLine(f)}\n`);
            if (entered?.replacesBuiltIn) io.stdout.write('替换了自带的该年安排。\n');
          }
          return ExitCode.ok;
        }),
      );
    });
  holidays
    .command('remove')
    .summary('删除录入的某年度节假日安排（自带的该年安排重新适用）')
    .argument('<年度>')
    .action(async (year: string) => {
      done(
        await withStore(io, async (store) => {
          const { year: y } = s.holidayYearParams.parse({ year });
          const table = await svc.removeHolidayYear(store, p, y);
          io.stdout.write(`已删除录入的 ${y} 年节假日安排。${coverage(table)}\n`);
          return ExitCode.ok;
        }),
      );
    });
  return holidays;
}
