import { dateLine } from './questions-report';

describe('the date line of a report (Nghị định 30/2020/NĐ-CP)', () => {
  it('pads a day below 10 and the months 1 and 2, in the council’s time zone', () => {
    // 20:00 UTC on 4 January is already the 5th in Vietnam
    expect(dateLine(new Date('2026-01-04T20:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateLine(new Date('2026-03-15T03:00:00Z'))).toBe('ngày 15 tháng 3 năm 2026');
    expect(dateLine(new Date('2026-12-09T03:00:00Z'))).toBe('ngày 09 tháng 12 năm 2026');
  });
});
