/** The two-year comparison's pure helpers: copied passages marked in a part's text, deltas as text. */
import { describe, expect, it } from 'vitest';
import { deltaText, markPassages } from '../../web/src/features/oversight/compare.js';

describe('two years side by side', () => {
  it('marks each copied passage once, in order, and leaves the rest plain', () => {
    const text = '甲句相同。乙句不同。丙句相同。甲句相同。';
    expect(markPassages(text, ['甲句相同。', '丙句相同。', '甲句相同。', '不在文中。'])).toEqual([
      { text: '甲句相同。', copied: true },
      { text: '乙句不同。', copied: false },
      { text: '丙句相同。', copied: true },
      { text: '甲句相同。', copied: true },
    ]);
    expect(markPassages('没有相同的句子。', [])).toEqual([{ text: '没有相同的句子。', copied: false }]);
    expect(markPassages('', ['甲'])).toEqual([]);
  });

  it('writes deltas with their sign', () => {
    expect([deltaText(5), deltaText(-3), deltaText(0), deltaText(null), deltaText(0.5)]).toEqual([
      '+5',
      '−3',
      '0',
      '—',
      '+0.5',
    ]);
  });
});
