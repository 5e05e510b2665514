import ExcelJS from 'exceljs';
import { formatImportError, rosterColumns, type ImportRowError } from '@linli/contracts';

/**
 * The rows in error as a workbook (exceljs) to fix and upload again: the roster columns first, as the rows were
 * written, so the file is a roster the import reads; then one column of errors in Chinese and one in English, which the
 * import ignores. The cells in error are filled light red.
 */
export async function buildErrorWorkbook(rows: Array<{ row: number; cells: Record<string, string> }>, errors: ImportRowError[]): Promise<Buffer> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  sheet.columns = [
    ...rosterColumns.map((c) => ({ header: 'required' in c && c.required ? `${c.header}*` : c.header, key: c.key, width: c.key === 'idCard' ? 22 : 14 })),
    { header: '错误说明', key: '_errors_zh', width: 60 },
    { header: 'Errors', key: '_errors_en', width: 60 },
    { header: '原行号', key: '_row', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const { row, cells } of rows) {
    const list = byRow.get(row) ?? [];
    const added = sheet.addRow({
      ...cells,
      _errors_zh: list.map((e) => formatImportError('zh-CN', e)).join('\n'),
      _errors_en: list.map((e) => formatImportError('en', e)).join('\n'),
      _row: row,
    });
    // Text cells: an ID number must not turn into a number in the sheet.
    for (const c of rosterColumns) added.getCell(c.key).numFmt = '@';
    added.getCell('_errors_zh').alignment = { wrapText: true, vertical: 'top' };
    added.getCell('_errors_en').alignment = { wrapText: true, vertical: 'top' };
    for (const e of list)
      if (rosterColumns.some((c) => c.key === e.field)) added.getCell(e.field).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7D7' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
