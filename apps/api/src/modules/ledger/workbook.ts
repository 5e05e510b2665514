import ExcelJS from 'exceljs';
import type { LedgerCell, RegisterColumn } from './register.js';

/**
 * THE ledger workbook (ADR 0032): every register prints through this one writer, so every 台账 a subdistrict inspection
 * receives looks the same — a title row (community, ledger, period), a bold bordered header repeated on every printed
 * page, a 序号 column, wrapped text in set column widths, the header frozen, A4 landscape one page wide, page numbers
 * in the footer, real dates with a date format, and 经办人 / 审核人 / 日期 lines at the end. Streaming (exceljs
 * WorkbookWriter): rows are written and forgotten batch by batch, so memory does not grow with the ledger.
 */
export interface LedgerHeading {
  /** e.g. 金港城社区 */
  community: string;
  /** e.g. 诉求工单台账 */
  title: string;
  /** e.g. 2026-01-01 至 2026-12-31, or 截至 2026-12-01 */
  period: string;
  /** e.g. 导出：杨书记 2026-12-01 20:30 */
  note?: string;
}

/** The first data row: title, sub-title, header. */
export const HEADER_ROW = 3;
const FONT = '宋体';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const numFmts: Partial<Record<NonNullable<RegisterColumn['type']>, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', number: '0' };

/** A Beijing wall time as the ledger prints it ("YYYY-MM-DD HH:MI" or "YYYY-MM-DD") → the Date Excel shows as that time. */
export function wallTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0))) : null;
}

function cellValue(col: RegisterColumn, v: LedgerCell): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if ((col.type === 'date' || col.type === 'datetime') && typeof v === 'string') return wallTime(v) ?? v;
  return v;
}

/**
 * Lines a wrapped text takes in a column `width` characters wide at the body's 9 pt: a Chinese character is about
 * 1.6 width units, a Latin one 0.75. The streaming writer cannot measure, and LibreOffice keeps the row height the
 * file gives, so the row is made as tall as its tallest cell (else multi-line cells overlap the next row).
 */
export function linesOf(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (let i = 0; i < line.length; i++) w += line.charCodeAt(i) > 0x2e7f ? 1.6 : 0.75;
    lines += Math.max(1, Math.ceil(w / room));
  }
  return lines;
}
const LINE_PT = 11;

/** Column letter of a 1-based index (A … Z, AA …). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Writes one ledger to `file`. `batches` yields rows (objects keyed by the columns' keys); `progress` is called after
 * each batch with the rows written so far. Returns the number of rows.
 */
export async function writeLedgerWorkbook(
  file: string,
  heading: LedgerHeading,
  columns: readonly RegisterColumn[],
  batches: AsyncIterable<ReadonlyArray<Record<string, LedgerCell>>>,
  progress: (written: number) => Promise<void> | void = () => {},
): Promise<number> {
  const all: RegisterColumn[] = [{ key: '#', header: '序号', width: 5, type: 'number' }, ...columns];
  const last = columnLetter(all.length);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Linli';
  const sheet = wb.addWorksheet(heading.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C第 &P 页，共 &N 页`, evenFooter: `&C第 &P 页，共 &N 页` },
  });
  sheet.columns = all.map((c) => ({ key: c.key, width: c.width }));
  sheet.autoFilter = `A${HEADER_ROW}:${last}${HEADER_ROW}`;

  const title = sheet.getRow(1);
  title.getCell(1).value = `${heading.community} ${heading.title}`;
  title.getCell(1).style = { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  title.height = 30;
  sheet.mergeCells(`A1:${last}1`);
  title.commit();
  const sub = sheet.getRow(2);
  sub.getCell(1).value = `统计期间：${heading.period}${heading.note ? `　　${heading.note}` : ''}`;
  sub.getCell(1).style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' } };
  sheet.mergeCells(`A2:${last}2`);
  sub.commit();

  const header = sheet.getRow(HEADER_ROW);
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 10, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
  };
  all.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = headerStyle;
  });
  header.height = 24;
  header.commit();

  // One style object per column, shared by every cell of it: exceljs then finds the style id by identity (a WeakMap)
  // instead of serialising a fresh style for each of a million cells.
  const styles: Partial<ExcelJS.Style>[] = all.map((c) => ({
    font: { name: FONT, size: 9 },
    alignment: {
      vertical: 'top',
      horizontal: c.type === 'number' || c.type === 'date' || c.type === 'datetime' || c.type === 'short' ? 'center' : 'left',
      wrapText: c.type !== 'date' && c.type !== 'datetime',
    },
    border,
    ...(c.type && numFmts[c.type] ? { numFmt: numFmts[c.type] } : {}),
  }));
  const wraps = all.map((c) => c.type !== 'date' && c.type !== 'datetime' && c.type !== 'number');
  let n = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      n++;
      const row = sheet.getRow(HEADER_ROW + n);
      let lines = 1;
      for (let i = 0; i < all.length; i++) {
        const c = all[i]!;
        const cell = row.getCell(i + 1);
        const v = i === 0 ? n : cellValue(c, r[c.key]);
        cell.value = v;
        cell.style = styles[i]!;
        if (typeof v === 'string' && wraps[i]) lines = Math.max(lines, linesOf(v, c.width));
      }
      row.height = Math.min(409, lines * LINE_PT + 4);
      row.commit();
    }
    await progress(n);
  }

  // The signature lines: 经办人 / 审核人 / 日期, in thirds of the width, two rows below the table.
  const sign = sheet.getRow(HEADER_ROW + n + 2);
  const third = Math.max(1, Math.floor(all.length / 3));
  const signStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle', horizontal: 'left' } };
  const spans: Array<[number, number, string]> = [
    [1, third, '经办人：________________'],
    [third + 1, 2 * third, '审核人：________________'],
    [2 * third + 1, all.length, '日期：______年____月____日'],
  ];
  for (const [from, , text] of spans) {
    sign.getCell(from).value = text;
    sign.getCell(from).style = signStyle;
  }
  sign.height = 28;
  for (const [from, to] of spans) if (to > from) sheet.mergeCells(`${columnLetter(from)}${sign.number}:${columnLetter(to)}${sign.number}`);
  sign.commit();
  sheet.commit();
  await wb.commit();
  return n;
}
