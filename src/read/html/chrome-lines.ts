/**
 * Lines that are site chrome whatever element they sit in: breadcrumbs, print/close/font-size
 * tools, share prompts, previous/next links, editor credits, footer notices, attachment links.
 * Only short lines are candidates, and metadata lines (发布时间, 来源, 阅读次数 …) never match.
 */
import { isPageNumberLine } from '../page-number.js';

/** A line only made of these (and brackets, bars, colons) is a tool bar. */
const toolWords =
  /打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|返回|收藏本页|加入收藏|收藏|分享到|分享|字号|字体|默认|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|在手机打开当前页|扫一扫|手机版|无障碍|长者模式|关怀版|繁体|简体|纠错|我要纠错|大|中|小|微信|微博|QQ空间|QQ|复制链接/g;
const toolPunctuation = /[\s【】[\]（）()|｜:：·•/>＞»›<＜«‹、,，。.-]/g;

const prefixes =
  /^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|您当前的位置|你当前的位置|当前所在位置|所在位置|当前页面|上一篇|下一篇|上一条|下一条|上篇|下篇|相关链接|相关文章|相关阅读|相关新闻|相关附件|相关稿件|附件下载|推荐阅读|热点推荐|分享到|扫一扫|(?:责任编辑|编辑|审核|校对|初审|复审|终审|核稿|录入|供稿)\s*[:：]|(?:主办单位|承办单位|协办单位|主办|承办|技术支持|维护单位|运维单位|网站维护|联系我们)\s*[:：])/;

const notices =
  /版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|网站识别码|政府网站找错|建议使用.{0,20}浏览器|分辨率/i;

const attachmentLabel = /^(?:相关)?附件\s*\d*\s*[:：]?\s*/;
const fileLink = /\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar|7z|ceb|txt)\s*$/i;

/** True when a line is page chrome, not report text. `linked`: how many of its characters are link text. */
export function isChromeLine(text: string, linked: number): boolean {
  if (text.length > 200) return false;
  if (prefixes.test(text) || notices.test(text)) return true;
  // A page number a converter carried over from the PDF or Word pages (「- 3 -」 between two pieces
  // of a table): page furniture, not a figure.
  if (text.length <= 24 && isPageNumberLine(text)) return true;
  if (/^附件\s*[:：]?\s*$/.test(text)) return true;
  // A link to a file, after 「附件：」 or alone.
  const unlinked = text.replace(attachmentLabel, '').replace(/\s/g, '').length;
  if (linked >= unlinked && fileLink.test(text)) return true;
  const words = text.match(toolWords);
  if (!words?.some((w) => w.length >= 2)) return false;
  return text.replace(toolWords, '').replace(toolPunctuation, '') === '';
}
