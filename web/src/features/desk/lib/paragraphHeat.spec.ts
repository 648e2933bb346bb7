import type { ParagraphCommentCount } from '@hopso/shared';
import { readTally, topParagraphs } from './paragraphHeat';

const p = (paragraphIndex: number, count: number): ParagraphCommentCount => ({ paragraphId: `p${paragraphIndex}`, paragraphIndex, page: 1, label: null, count });

describe('topParagraphs', () => {
  it('puts the most commented paragraphs first and leaves out those without comments', () => {
    const top = topParagraphs([p(0, 0), p(1, 2), p(2, 5), p(3, 2), p(4, 0)], 10);
    expect(top.map((c) => c.paragraphIndex)).toEqual([2, 1, 3]);
  });

  it('keeps only as many as asked', () => {
    expect(topParagraphs([p(0, 1), p(1, 2), p(2, 3)], 2).map((c) => c.count)).toEqual([3, 2]);
  });
});

describe('readTally', () => {
  it('counts who opened the document', () => {
    expect(readTally([{ firstOpenedAt: null }, { firstOpenedAt: '2026-01-01T00:00:00Z' }])).toEqual({ read: 1, total: 2 });
  });
});
