/** The parse5 tree as the reader sees it: node kinds, attributes, and an iterative walk. */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export const isElement = (node: Node): node is Element => 'tagName' in node;
export const isText = (node: Node): node is TextNode => node.nodeName === '#text';

export const attr = (el: Element, name: string): string | null =>
  el.attrs.find((a) => a.name === name)?.value ?? null;

export const childElements = (el: Element): Element[] => el.childNodes.filter(isElement);

/**
 * Walks a tree in document order without recursion (pages nest deeper than the call stack):
 * `enter` returns false to skip an element's children; `exit` runs after them.
 */
export function walk(
  root: ParentNode,
  enter: (node: Node) => boolean,
  exit: (node: Element) => void = () => {},
): void {
  const nodes: ParentNode[] = [root];
  const next: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const parent = nodes[top] as ParentNode;
    const i = next[top] as number;
    if (i >= parent.childNodes.length) {
      nodes.pop();
      next.pop();
      if (parent !== root && isElement(parent)) exit(parent);
      continue;
    }
    next[top] = i + 1;
    const child = parent.childNodes[i] as Node;
    if (!enter(child)) continue;
    if (isElement(child)) {
      nodes.push(child);
      next.push(0);
    }
  }
}
