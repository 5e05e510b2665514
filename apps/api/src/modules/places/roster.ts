import ExcelJS from 'exceljs';
import { householdTypes, isValidIdCard, relations, rosterColumns, type ImportRowError } from '@linli/contracts';
import { dateRange, hasForbiddenCharacter } from '@linli/contracts';
import { maskIdCard, maskPhone } from '../../platform/crypto/pii.js';
import { makeTagDictionary, type TagDictionary } from './tags.service.js';

/** One roster row after validation, in plain text (it is encrypted before it is stored). Blank optional cells are null. */
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
  householdType: string | null;
  /** null when the cell is blank: a re-import then leaves the stored value. */
  hukouLocal: boolean | null;
  tags: string[] | null;
  sensitiveTags: string[] | null;
  notes: string | null;
}

export class BadSpreadsheetError extends Error {}

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
const genderWord = { male: '男', female: '女' } as const;
const yes = new Set(['是', '本地', 'y', 'yes', 'true', '1']);
const no = new Set(['否', '外地', '非本地', 'n', 'no', 'false', '0']);
const builtInDictionary = makeTagDictionary();

/** "1948-03-12", "1948/3/12", "1948.3.12", "1948年3月12日" or "19480312" → "1948-03-12"; undefined when not a real calendar day. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What the error list may show of a cell: personal numbers masked (the errors are stored in the clear). */
function shown(field: string, value: string): string {
  const v = value.slice(0, 60);
  if (field === 'idCard') return maskIdCard(v);
  if (field === 'phone') return maskPhone(v);
  return v;
}

/**
 * Checks one row on its own, every rule of every column (place existence, matching and duplicates across rows are
 * checked by the caller). The preview and the commit both run it: what the preview accepts, the commit accepts.
 */
export function parseRosterRow(
  row: number,
  c: Record<string, string>,
  dict: TagDictionary = builtInDictionary,
  today = new Date().toISOString().slice(0, 10),
): { value?: RosterRow; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const text = (k: string) => (c[k] ?? '').trim();
  const err = (field: string, rule: string, params?: Record<string, string | number>) =>
    errors.push({ row, field, rule, value: shown(field, text(field)), ...(params ? { params } : {}) });
  const bad = new Set<string>();
  for (const [key, value] of Object.entries(c))
    if (hasForbiddenCharacter(value)) {
      bad.add(key);
      errors.push({ row, field: key, rule: 'forbidden_character' });
    }
  const check = (k: string) => !bad.has(k) && text(k) !== '';
  for (const col of rosterColumns) if ('required' in col && col.required && !text(col.key)) err(col.key, 'required');
  for (const [k, max] of [
    ['name', 40],
    ['compound', 60],
    ['building', 40],
    ['unit', 40],
    ['room', 20],
    ['notes', 500],
  ] as const)
    if (check(k) && text(k).length > max) err(k, 'too_long', { max });

  const genderText = text('gender').toLowerCase();
  let gender = genderText ? (genders[genderText] ?? null) : null;
  if (check('gender') && !gender) err('gender', 'not_in_list', { options: '男、女' });

  let birthDate: string | null = null;
  if (check('birthDate')) {
    const d = parseDate(text('birthDate'));
    if (!d) err('birthDate', 'invalid_date');
    else if (d < dateRange.min) err('birthDate', 'date_out_of_range', { min: dateRange.min, max: today });
    else if (d > today) err('birthDate', 'date_in_future');
    else birthDate = d;
  }

  const phone = text('phone').replace(/[\s-]/g, '') || null;
  if (check('phone') && !/^1[3-9]\d{9}$/.test(phone!)) err('phone', 'invalid_phone');

  const idCard = text('idCard').toUpperCase() || null;
  if (check('idCard')) {
    const idBirth = idCard && isValidIdCard(idCard) ? parseDate(idCard.slice(6, 14)) : undefined;
    if (!idBirth || idBirth < dateRange.min || idBirth > today) err('idCard', 'invalid_id_card');
    else {
      const idGender = Number(idCard![16]) % 2 === 1 ? 'male' : 'female';
      if (birthDate && birthDate !== idBirth) err('idCard', 'id_card_birth_mismatch', { expected: idBirth });
      if (gender && gender !== idGender) err('idCard', 'id_card_gender_mismatch', { expected: genderWord[idGender] });
      // A blank date of birth or gender is read from the ID number.
      if (!text('birthDate')) birthDate = idBirth;
      if (!genderText) gender = idGender;
    }
  }

  const hukouText = text('hukouLocal').toLowerCase();
  let hukouLocal: boolean | null = null;
  if (check('hukouLocal')) {
    if (yes.has(hukouText)) hukouLocal = true;
    else if (no.has(hukouText)) hukouLocal = false;
    else err('hukouLocal', 'not_in_list', { options: '是、否' });
  }
  const relation = text('relation') || null;
  if (check('relation') && !(relations as readonly string[]).includes(relation!)) err('relation', 'not_in_list', { options: relations.join('、') });
  const householdType = text('householdType') || null;
  if (check('householdType') && !(householdTypes as readonly string[]).includes(householdType!))
    err('householdType', 'not_in_list', { options: householdTypes.join('、') });

  let tags: string[] | null = null;
  let sens: string[] | null = null;
  if (check('tags')) {
    tags = [];
    sens = [];
    for (const word of text('tags')
      .split(/[,，、;；\s]+/)
      .filter(Boolean)) {
      const tag = dict.byWord.get(word) ?? dict.byWord.get(word.toLowerCase());
      if (!tag) err('tags', 'unknown_tag', { tag: word, options: dict.items.map((t) => t.labelZh).join('、') });
      else {
        const list = tag.sensitive ? sens : tags;
        if (!list.includes(tag.code)) list.push(tag.code);
      }
    }
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
      relation,
      householdType,
      hukouLocal,
      tags,
      sensitiveTags: sens,
      notes: text('notes') || null,
    },
  };
}

/** The template: header row, one example row, and a sheet of hints. */
export async function buildRosterTemplate(example: { compound: string; building: string }, tagWords: string[]): Promise<Buffer> {
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
    householdType: '户籍户',
    hukouLocal: '是',
    tags: '独居老人、高龄老人',
    notes: '',
  });
  const hints = wb.addWorksheet('填写说明');
  hints.addRows([
    ['列', '说明'],
    ['姓名*', '必填，最多 40 字'],
    ['性别', '男 / 女'],
    ['出生日期', '如 1948-03-12，须为真实日期；留空时按身份证号填写'],
    ['手机号', '11 位手机号'],
    ['身份证号', '18 位，末位可为 X，须与出生日期、性别一致；已登记的居民按身份证号更新，不会重复新建'],
    ['与户主关系', relations.join('、')],
    ['户类型', householdTypes.join('、')],
    ['小区* / 楼栋*', '须为系统中已有的小区和楼栋'],
    ['单元* / 房号*', '系统中没有时自动新建'],
    ['本地户籍', '是 / 否（非本地户籍居民同样服务）'],
    ['标签', `用顿号分隔：${tagWords.join('、')}`],
    ['重复导入', '没有身份证号的居民按姓名 + 出生日期 + 房屋匹配；留空的列不改动已登记的内容'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
