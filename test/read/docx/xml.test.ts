import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import { attr, parseXml, type Tag, wordName } from '../../../src/read/docx/xml.js';
import { W_NS } from './build.js';

/** Every event of a part, as text: `<name a=v>`, `</name>`, `"text"`. */
function events(xml: string | Uint8Array, asked: readonly string[] = ['val']): string[] {
  const out: string[] = [];
  const bytes = typeof xml === 'string' ? strToU8(xml) : xml;
  parseXml(bytes, 'word/document.xml', new SourceFile('t.docx'), {
    open: (tag: Tag) =>
      out.push(
        `<${wordName(tag) || `?${tag.local}`}${asked.map((a) => (attr(tag, a) === undefined ? '' : ` ${a}=${attr(tag, a)}`)).join('')}>`,
      ),
    close: (tag: Tag) => out.push(`</${wordName(tag) || `?${tag.local}`}>`),
    text: (text) => out.push(JSON.stringify(text)),
  });
  return out;
}

const refusal = (xml: string): string => {
  try {
    events(xml);
  } catch (error) {
    return (error as Error).message;
  }
  return 'read';
};

const w = (inner: string) => `<w:document xmlns:w="${W_NS}">${inner}</w:document>`;

describe('the DOCX XML scanner', () => {
  it('elements, empty elements, attributes by local name through any prefix bound to WordprocessingML', () => {
    expect(
      events(
        `<?xml version="1.0"?><!-- c --><x:document xmlns:x="${W_NS}" xmlns:o="urn:other"><x:p x:val='1' o:val="no"/><x:t val = "2" >a</x:t><o:t o:val="3"/></x:document>`,
      ),
    ).toEqual([
      '<document>',
      '<p val=1>',
      '</p>',
      '<t val=2>',
      '"a"',
      '</t>',
      '<?t>',
      '</?t>',
      '</document>',
    ]);
  });

  it('a default namespace, and one declared on an inner element', () => {
    expect(events(`<document xmlns="${W_NS}"><p><q:t xmlns:q="${W_NS}" q:val="v"/></p></document>`)).toEqual([
      '<document>',
      '<p>',
      '<t val=v>',
      '</t>',
      '</p>',
      '</document>',
    ]);
  });

  it('text: references resolved, line ends normalised, CDATA kept, UTF-8 decoded; attribute values too', () => {
    expect(
      events(
        w(
          '<w:t w:val="a&amp;b&#x4E00;\t&lt;c&gt;">一&amp;二&#20108;&#x4e09;&quot;&apos;\r\n三\r四<![CDATA[<&>]]></w:t>',
        ),
      ),
    ).toEqual([
      '<document>',
      '<t val=a&b一 <c>>',
      '"一&二二三\\"\'\\n三\\n四"',
      '"<&>"',
      '</t>',
      '</document>',
    ]);
  });

  it('a byte order mark, UTF-8 or UTF-16', () => {
    const xml = w('<w:t>正文</w:t>');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
    for (let i = 0; i < xml.length; i++) utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    const expected = ['<document>', '<t>', '"正文"', '</t>', '</document>'];
    expect(events(utf16)).toEqual(expected);
    expect(events(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]))).toEqual(expected);
  });

  it('malformed XML is refused', () => {
    for (const bad of [
      w('<w:p>'),
      w('<w:p></w:r>'),
      `${w('')}<w:p/>`,
      `${w('')}text`,
      w('<w:p w:val=1/>'),
      w('<w:p w:val/>'),
      w('<w:p w:val="a<b"/>'),
      w('<w:p w:val="1"w:x="2"/>'),
      w('<w:t>&nbsp;</w:t>'),
      w('<w:t>a & b</w:t>'),
      w('<w:t>&#0;</w:t>'),
      w('<v:p/>'),
      '',
      '   ',
      w('<w:p'),
    ])
      expect(refusal(bad), bad).toMatch(/^DOCX 文件已损坏（word\/document\.xml 不是有效的 XML：/);
  });
});
