/**
 * parse5 with bounds on nesting and on elements. The parser scans its stack of open elements for
 * many start tags, so a page nested 100,000 deep takes minutes; and it re-opens every unclosed
 * formatting element (`<font>`, `<b>` …) inside every later paragraph, so a few hundred of them
 * and many paragraphs make millions of elements. Real pages nest a few dozen deep and make about
 * one element per tag. The parse stops once either bound is passed; the reader then blanks the
 * offending tags (`limitNesting`) and parses again.
 */

import type { TreeAdapter } from 'parse5';
import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse } from 'parse5';
import type { ParentNode } from './dom.js';

const tooDeep = new Error('nested too deep');
const tooMany = new Error('too many elements');

export interface Bounds {
  /** Deepest stack of open elements. */
  depth: number;
  /** Most elements created (those the parser re-opens included). */
  elements: number;
}

/** Elements a page may make: a few per tag, for the parser's implied and re-opened elements. */
export function elementBudget(text: string): number {
  let tags = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) tags++;
  return 4 * tags + 10_000;
}

/** The parsed document with source locations, or null when it passes a bound. */
export function parseBounded(text: string, bounds: Bounds): ParentNode | null {
  let depth = 0;
  let elements = 0;
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    createElement: (tagName, namespaceURI, attrs) => {
      if (++elements > bounds.elements) throw tooMany;
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    onItemPush: () => {
      if (++depth > bounds.depth) throw tooDeep;
    },
    onItemPop: () => {
      depth--;
    },
  };
  try {
    return parse(text, { sourceCodeLocationInfo: true, treeAdapter });
  } catch (error) {
    if (error === tooDeep || error === tooMany) return null;
    throw error;
  }
}
