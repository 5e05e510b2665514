import ExcelJS from 'exceljs';
import { isValidIdCard, publicTags, rosterColumns, sensitiveTags, tagLabels, type ImportRowError } from '@linli/contracts';
import { dateRange, dateSchema, hasForbiddenCharacter } from '@linli/contracts';

/** One roster row after validation, in plain text (it is encrypted before it is stored). */
export interface RosterRow {
  row: number;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  idCard: string | null;
  compound: string;
  building: string;
  unit: string;
  room: string;
  relation: string | null;
  hukouLocal: boolean;
  tags: string[];
  sensitiveTags: string[];
  notes: string | null;
}

export class BadSpreadsheetError extends Error {}

const tagByLabel = new Map<string, string>();
for (const [code, label] of Object.entries(tagLabels['zh-CN'])) tagByLabel.set(label, code);
for (const code of [...publicTags, ...sensitiveTags]) tagByLabel.set(code, code);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
  }
  return String(value).trim();
}

/** Reads the first sheet; the header row must name every required column (order free, extra columns ignored). */
export async function readRoster(buffer: Buffer): Promise<Array<{ row: number; cells: Record<string, string> }>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new BadSpreadsheetError('not an xlsx file');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new BadSpreadsheetError('no sheet');
  const header = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/[*＊\s]/g, '');
    const def = rosterColumns.find((c) => c.header === text || c.key === text);
    if (def) columnOf.set(def.key, col);
  });
  const missing = rosterColumns.filter((c) => 'required' in c && c.required && !columnOf.has(c.key));
  if (missing.length) throw new BadSpreadsheetError(`missing columns: ${missing.map((c) => c.header).join(', ')}`);
  const out: Array<{ row: number; cells: Record<string, string> }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    for (const [key, col] of columnOf) cells[key] = cellText(row.getCell(col).value);
    if (Object.values(cells).some((v) => v !== '')) out.push({ row: rowNumber, cells });
  });
  return out;
}

const genders: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };
const yes = new Set(['是', '本地', 'y', 'yes', 'true', '1']);
const no = new Set(['否', '外地', '非本地', 'n', 'no', 'false', '0']);

/** Checks one row on its own; place existence and duplicates are checked across rows by the caller. */
export function parseRosterRow(row: number, c: Record<string, string>): { value?: RosterRow; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const err = (field: string, rule: string, params?: Record<string, string | number>) => errors.push({ row, field, rule, ...(params ? { params } : {}) });
  const text = (k: string) => (c[k] ?? '').trim();
  for (const col of rosterColumns) if ('required' in col && col.required && !text(col.key)) err(col.key, 'required');
  for (const [key, value] of Object.entries(c)) if (hasForbiddenCharacter(value)) err(key, 'forbidden_character');
  if (text('name').length > 40) err('name', 'too_long', { max: 40 });
  const genderText = text('gender').toLowerCase();
  const gender = genderText ? (genders[genderText] ?? null) : null;
  if (genderText && !gender) err('gender', 'invalid_option');
  let birthDate: string | null = text('birthDate') || null;
  if (birthDate) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(birthDate);
    if (!m) err('birthDate', 'invalid');
    else birthDate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (m && !dateSchema.safeParse(birthDate).success) err('birthDate', 'date_out_of_range', { min: dateRange.min, max: dateRange.max });
  }
  const phone = text('phone').replace(/[\s-]/g, '') || null;
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) err('phone', 'invalid_phone');
  const idCard = text('idCard').toUpperCase() || null;
  if (idCard && !isValidIdCard(idCard)) err('idCard', 'invalid_id_card');
  const hukouText = text('hukouLocal').toLowerCase();
  let hukouLocal = true;
  if (hukouText) {
    if (yes.has(hukouText)) hukouLocal = true;
    else if (no.has(hukouText)) hukouLocal = false;
    else err('hukouLocal', 'invalid_option');
  }
  const tags: string[] = [];
  const sens: string[] = [];
  for (const label of text('tags')
    .split(/[,，、;；\s]+/)
    .filter(Boolean)) {
    const code = tagByLabel.get(label);
    if (!code) err('tags', 'invalid_option');
    else if ((sensitiveTags as readonly string[]).includes(code)) sens.push(code);
    else tags.push(code);
  }
  if (errors.length) return { errors };
  return {
    errors,
    value: {
      row,
      name: text('name'),
      gender,
      birthDate,
      phone,
      idCard,
      compound: text('compound'),
      building: text('building'),
      unit: text('unit'),
      room: text('room'),
      relation: text('relation') || null,
      hukouLocal,
      tags,
      sensitiveTags: sens,
      notes: text('notes') || null,
    },
  };
}

/** The template: header row, one example row, and a sheet of hints. */
export async function buildRosterTemplate(example: { compound: string; building: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  sheet.columns = rosterColumns.map((c) => ({
    header: 'required' in c && c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.key === 'idCard' ? 22 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '张桂兰',
    gender: '女',
    birthDate: '1948-03-12',
    phone: '13893100001',
    idCard: '',
    compound: example.compound,
    building: example.building,
    unit: '1单元',
    room: '301',
    relation: '户主',
    hukouLocal: '是',
    tags: '独居老人、高龄',
    notes: '',
  });
  const hints = wb.addWorksheet('填写说明');
  hints.addRows([
    ['列', '说明'],
    ['姓名*', '必填，最多 40 字'],
    ['性别', '男 / 女'],
    ['出生日期', '如 1948-03-12'],
    ['手机号', '11 位手机号'],
    ['身份证号', '18 位，末位可为 X；同一社区不能重复'],
    ['小区* / 楼栋*', '须为系统中已有的小区和楼栋'],
    ['单元* / 房号*', '系统中没有时自动新建'],
    ['本地户籍', '是 / 否（非本地户籍居民同样服务）'],
    ['标签', `用顿号分隔：${Object.values(tagLabels['zh-CN']).join('、')}`],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
