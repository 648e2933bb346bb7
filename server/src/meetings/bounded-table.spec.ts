import ExcelJS from 'exceljs';
import { xlsxWithFarCell, xlsxWithInflateBomb } from '../../../fixtures';
import { readTable, TableTooLargeError, TableUnreadableError, type TableLimits } from './bounded-table';

const LIMITS: TableLimits = { maxRows: 11, maxColumns: 8, maxCells: 40, maxInflatedBytes: 1024 * 1024 };

describe('readTable', () => {
  it('reads an Excel file as ExcelJS writes it: shared strings, numbers, skipped cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Danh sách');
    sheet.addRow(['STT', 'Họ và tên', 'Số điện thoại']);
    sheet.addRow([1, 'Triệu Thị <Hằng> & Co', '0977000111']);
    sheet.getCell('E3').value = 'xa';
    const rows = readTable(Buffer.from(await wb.xlsx.writeBuffer()), LIMITS);
    expect(rows).toEqual([['STT', 'Họ và tên', 'Số điện thoại'], ['1', 'Triệu Thị <Hằng> & Co', '0977000111'], ['', '', '', '', 'xa']]);
  });

  it('skips cells beyond the columns it reads, at no cost', () => {
    expect(readTable(xlsxWithFarCell(1), LIMITS)).toEqual([['Họ và tên', 'Số điện thoại'], ['Đại biểu số 1', '0987100000']]);
  });

  it('stops inflating at its budget', async () => {
    expect(() => readTable(Buffer.alloc(0), LIMITS)).not.toThrow(); // an empty CSV
    const bomb = await xlsxWithInflateBomb(20);
    expect(() => readTable(bomb, LIMITS)).toThrow(TableTooLargeError);
  });

  it('counts rows and cells while reading', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `a${i},b`).join('\n');
    expect(() => readTable(Buffer.from(rows), LIMITS)).toThrow(/at most 10 people/);
    const wide = Array.from({ length: 3 }, () => Array.from({ length: 20 }, () => 'x').join(',')).join('\n');
    expect(() => readTable(Buffer.from(wide), LIMITS)).toThrow(TableTooLargeError);
  });

  it('refuses a zip that is no spreadsheet', () => {
    expect(() => readTable(Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'), LIMITS)).toThrow(TableUnreadableError);
  });
});
