/** Chinese wording for what commander prints in English: help titles and usage errors. */

const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** A help section title in Chinese (unknown titles are kept). */
export function translateTitle(title: string): string {
  return titles[title] ?? title;
}

const errors: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (flag) => `未知选项「${flag}」`],
  [/^error: unknown command '(.*)'$/, (name) => `未知命令「${name}」`],
  [/^error: missing required argument '(.*)'$/, (name) => `缺少参数「${name}」`],
  [/^error: option '(.*)' argument missing$/, (flags) => `选项「${flags}」缺少取值`],
  [/^error: required option '(.*)' not specified$/, (flags) => `缺少必需的选项「${flags}」`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) =>
      `选项「${flags}」的取值「${value}」无效（可选：${choices.split(', ').join('、')}）`,
  ],
  [/^error: too many arguments(?: for '(.*)')?\. .*$/, () => '参数过多'],
];

/** A commander error message in Chinese, `gongkai: 错误：…`, keeping its suggestion. */
export function translateError(text: string): string {
  const [first = '', ...rest] = text.trimEnd().split('\n');
  let message = first.replace(/^error: /, '');
  for (const [pattern, render] of errors) {
    const match = pattern.exec(first);
    if (match) {
      message = render(...match.slice(1).map((group) => group ?? ''));
      break;
    }
  }
  const hints = rest.map((line) => line.replace(/^\(Did you mean (.*)\?\)$/, '（是否想用 $1？）'));
  return `${[`gongkai: 错误：${message}`, ...hints].join('\n')}\n`;
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  for (const char of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** One unit a line may break after: a run of Latin text, or one CJK character with the punctuation that must stay with it. */
const WRAP_UNIT =
  /\s*[（「『《〈“‘([]*(?:[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)[，。、；：！？）」』》〉”’,.;:!?)\]]*/gu;

/** A Latin letter or digit at a line's end or start: joined lines keep a space there. */
const latinEnd = /[A-Za-z0-9_]$/;
const latinStart = /^[A-Za-z0-9_]/;

/**
 * The lines of help text with the author's breaks inside a paragraph undone where the terminal is
 * narrower than the line: a line that will be wrapped anyway runs on into the next (unless that one
 * is blank or indented), so the text is not wrapped twice into ragged short lines.
 */
function reflow(text: string, width: number): string[] {
  const out: string[] = [];
  /** Whether the last source line added to `out` is wider than the terminal. */
  let overflowed = false;
  for (const line of text.split(/\r?\n/)) {
    const previous = out[out.length - 1];
    const runsOn =
      overflowed &&
      previous !== undefined &&
      !/^\s/.test(previous) &&
      line.trim() !== '' &&
      !/^\s/.test(line);
    if (runsOn)
      out[out.length - 1] =
        `${previous}${latinEnd.test(previous) || latinStart.test(line) ? ' ' : ''}${line}`;
    else out.push(line);
    overflowed = displayWidth(line) > width;
  }
  return out;
}

/**
 * Wraps help text to `width` terminal columns. Unlike commander's own wrapping, which breaks only at
 * spaces, a line of Chinese may break between any two characters (never before closing punctuation
 * or after an opening bracket). The author's line breaks are kept where the lines fit; inside a
 * paragraph whose lines do not, the text runs on (see reflow).
 */
export function wrapHelpText(text: string, width: number): string {
  if (width < 40) return text;
  return reflow(text, width)
    .map((line) => {
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const lines: string[] = [];
      let current = '';
      let currentWidth = 0;
      for (const unit of line.slice(indent.length).match(WRAP_UNIT) ?? []) {
        const unitWidth = displayWidth(unit);
        if (current !== '' && currentWidth + unitWidth > width - indent.length) {
          lines.push(current);
          current = unit.trimStart();
          currentWidth = displayWidth(current);
        } else {
          current += unit;
          currentWidth += unitWidth;
        }
      }
      lines.push(current);
      return lines.map((part) => indent + part).join('\n');
    })
    .join('\n');
}

/** Commander's English extras after an option's description, «(default: "json", env: X)», in Chinese. */
export function translateOptionExtras(description: string): string {
  return description.replace(/ ?\(((?:choices|default|preset|env): .*)\)$/, (_, inner: string) => {
    const parts = inner.split(/, (?=(?:choices|default|preset|env): )/).map((part) =>
      part
        .replace(/^choices: /, '可选：')
        .replace(/^default: "?([^"]*)"?$/, '默认：$1')
        .replace(/^preset: /, '不带值时：')
        .replace(/^env: /, '环境变量：'),
    );
    return `（${parts.join('；')}）`;
  });
}
