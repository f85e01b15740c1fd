/**
 * What each element holds, measured once bottom-up before the page is read: how much text and
 * how much of it is link text, and whether it holds anything that must not be dropped (metadata,
 * the title, part headings, plenty of prose, table figures). Site chrome is dropped only when
 * it holds none of these.
 */

import { codeAt } from '../../text/code-unit.js';
import { type Element, isElement, isText, type ParentNode, walk } from './dom.js';

export interface Stats {
  /** Visible characters. */
  text: number;
  /** Visible characters inside links. */
  link: number;
  /** Links with text. */
  links: number;
  /** Tables inside (the element itself not counted). */
  tables: number;
  /** Holds report text or metadata that must be kept. */
  keep: boolean;
  /** Holds a table cell with a figure. */
  figures: boolean;
}

const metadata =
  /(?:标题|题目|发布时间|发布日期|发文日期|成文日期|发布机构|发文机关|来源|阅读次数|浏览次数|点击数|访问量|索引号|文号|落款)\s*[:：]/;
const titleWords = /年度报告|工作年报|公开年报/;
const partHeading = /^\s*[一二三四五六七八九十]{1,2}\s*[、.．]/;
/** A date alone: the signature's. */
const signatureDate =
  /^\s*(?:\d{4}|[〇零○Oo一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$/;
const figure = /^\s*[+-]?[\d０-９]+(?:[.．][\d０-９]+)?\s*$/;
/** Plain text beyond this much is report text whatever the element is called. */
const proseLength = 400;

const visibleLength = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    if (!(c <= 0x20 || c === 0xa0 || c === 0x3000)) n++;
  }
  return n;
};

export function collectStats(root: ParentNode, skip: (el: Element) => boolean): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const open: Stats[] = [{ text: 0, link: 0, links: 0, tables: 0, keep: false, figures: false }];
  let inLink = 0;
  let inCell = 0;
  walk(
    root,
    (node) => {
      if (isText(node)) {
        const top = open[open.length - 1] as Stats;
        const n = visibleLength(node.value);
        top.text += n;
        if (inLink > 0) top.link += n;
        else if (
          metadata.test(node.value) ||
          titleWords.test(node.value) ||
          partHeading.test(node.value) ||
          signatureDate.test(node.value)
        )
          top.keep = true;
        if (inCell > 0 && figure.test(node.value)) top.figures = true;
        return false;
      }
      if (!isElement(node) || skip(node)) return false;
      if (node.tagName === 'a') inLink++;
      else if (node.tagName === 'td' || node.tagName === 'th') inCell++;
      open.push({ text: 0, link: 0, links: 0, tables: 0, keep: false, figures: false });
      return true;
    },
    (el) => {
      const s = open.pop() as Stats;
      if (el.tagName === 'a') {
        inLink--;
        if (s.text > 0) s.links++;
      } else if (el.tagName === 'td' || el.tagName === 'th') inCell--;
      if (s.text - s.link > proseLength) s.keep = true;
      stats.set(el, s);
      const parent = open[open.length - 1] as Stats;
      parent.text += s.text;
      parent.link += s.link;
      parent.links += s.links;
      parent.tables += s.tables + (el.tagName === 'table' ? 1 : 0);
      parent.keep ||= s.keep;
      parent.figures ||= s.figures;
    },
  );
  return stats;
}
