import { balancedSplit } from './balanced-split';

describe('balancedSplit', () => {
  it.each([
    [22, 4],
    [7, 3],
    [3, 5],
    [90, 7],
  ])('splits %i people into %i groups whose sizes differ by at most one, each person once', (n, k) => {
    const people = Array.from({ length: n }, (_, i) => `p${i}`);
    const groups = balancedSplit(people, k);
    const sizes = groups.map((g) => g.length);
    expect(groups).toHaveLength(k);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(groups.flat().sort()).toEqual([...people].sort());
  });
});
