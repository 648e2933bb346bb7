import { moveItem } from './moveItem';

describe('moveItem', () => {
  it('moves an agenda item up and down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('clamps at the ends and leaves the input alone', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(list, 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(list, 7, 0)).toEqual(['a', 'b']);
    expect(list).toEqual(['a', 'b']);
  });
});
