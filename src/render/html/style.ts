/**
 * The page's stylesheet: a plain official look on screen and A4 in print, 1px black borders,
 * 仿宋 for text and 宋体/黑体 for headings with free fallbacks (Noto CJK, Source Han).
 */
const serif =
  '"FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif';
const title =
  '"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif';
const heading =
  '"SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

export const stylesheet = `
body { margin: 0 auto; max-width: 52em; padding: 2em 1.5em; color: #000; background: #fff; font-family: ${serif}; font-size: 16px; line-height: 1.8; }
h1 { font-family: ${title}; font-size: 1.6em; font-weight: bold; text-align: center; line-height: 1.5; margin: 0 0 0.5em; }
h2 { font-family: ${heading}; font-size: 1.1em; font-weight: normal; margin: 1.2em 0 0.4em; }
p { margin: 0.3em 0; text-indent: 2em; }
p.published { text-align: center; text-indent: 0; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.85em; line-height: 1.4; }
caption { font-family: ${heading}; padding: 0.4em; }
th, td { border: 1px solid #000; padding: 0.3em 0.4em; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
thead th { font-weight: bold; }
tbody th[scope="row"] { text-align: left; }
td.note { font-size: 0.9em; text-align: left; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
.signature { margin-top: 2em; text-align: right; }
.signature p { text-indent: 0; text-align: right; }
@page { size: A4; margin: 2.5cm 2.2cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  table { page-break-inside: auto; }
}
`;
