import { foldForSearch, matchesSearch } from './text-search';

describe('foldForSearch', () => {
  it('folds Vietnamese diacritics, đ and case, in composed and decomposed form', () => {
    expect(foldForSearch('Dự phòng ĐẦU TƯ')).toBe('du phong dau tu');
    expect(foldForSearch('Dự phòng'.normalize('NFD'))).toBe('du phong');
  });

  it('collapses whitespace runs', () => {
    expect(foldForSearch('  ngân \n\t sách ')).toBe('ngan sach');
  });
});

describe('matchesSearch', () => {
  it('finds text typed without diacritics, with them, or in other case', () => {
    expect(matchesSearch(['Kinh phí dự phòng năm 2026'], 'du phong')).toBe(true);
    expect(matchesSearch(['Kinh phí dự phòng năm 2026'], 'DỰ PHÒNG')).toBe(true);
    expect(matchesSearch(['Kinh phí dự phòng năm 2026'], 'đu phong')).toBe(true);
  });

  it('does not match other words', () => {
    expect(matchesSearch(['Kinh phí dự phòng'], 'du toan')).toBe(false);
    expect(matchesSearch([null, undefined, ''], 'x')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch(['a'], '   ')).toBe(true);
  });
});
