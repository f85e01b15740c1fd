/**
 * What elements mean to the reader: which break lines, which are never report text (scripts,
 * the page head, form controls, hidden elements), and which look like site chrome by name
 * (navigation, breadcrumbs, menus, footers, share widgets), in English and in the pinyin
 * Chinese sites use.
 */
import { attr, type Element } from './dom.js';

/** Elements that start and end a visual line. */
export const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'listing',
  'plaintext',
]);

/** Elements whose content is never report text. */
const droppedTags = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'select',
  'option',
  'datalist',
  'button',
  'input',
  'textarea',
  'title',
  'meta',
  'link',
  'base',
  'xml',
]);

const hiddenStyle = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/i;

/** Never report text: scripts, styles, the head, form controls, hidden elements. */
export function isDropped(el: Element): boolean {
  if (droppedTags.has(el.tagName)) return true;
  if (el.attrs.length === 0) return false;
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== null && hiddenStyle.test(style);
}

const chromeWords = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'footer',
  'foot',
  'bottom',
  'copyright',
  'share',
  'bdshare',
  'bdsharebuttonbox',
  'sidebar',
  'side',
  'topbar',
  'toolbar',
  'header',
  'head',
  'top',
  'search',
  'searchbox',
  'login',
  'friendlink',
  'links',
  'qrcode',
  'ewm',
  'dqwz',
  'weizhi',
  'daohang',
  'location',
  'position',
  'fenxiang',
  'banquan',
  'print',
  'tools',
  'related',
  'xgwz',
  'xglj',
  'wza',
  'pager',
  'pagination',
  'gotop',
  'backtop',
  'fontsize',
]);

const chromePrefixes = /^(?:nav|menu|footer|breadcrumb|crumb|share|copyright|sidebar|topbar|daohang|weizhi)/;

const chromeRoles = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);

/** Elements whose `<header>` and `<footer>` are their own (an article's signature), not the page's. */
export const sectioningTags = new Set(['article', 'main', 'section']);

/**
 * Named like site chrome: by tag (`<nav>`, `<aside>`, and `<header>`/`<footer>` outside an
 * article), ARIA role, or a class or id word.
 */
export function looksLikeChrome(el: Element, inArticle: boolean): boolean {
  const tag = el.tagName;
  if (tag === 'nav' || tag === 'aside') return true;
  if ((tag === 'footer' || tag === 'header') && !inArticle) return true;
  if (el.attrs.length === 0) return false;
  const role = attr(el, 'role');
  if (role !== null && chromeRoles.has(role.toLowerCase())) return true;
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase();
  for (const word of names.split(/[\s_\-.:]+/)) {
    if (word === '') continue;
    const bare = word.replace(/\d+$/, '');
    if (chromeWords.has(bare) || chromePrefixes.test(bare)) return true;
  }
  return false;
}
