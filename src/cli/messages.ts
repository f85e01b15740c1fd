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
