import { describe, expect, it } from 'vitest';
import { parseRosterRow } from './roster.js';

const row = (over: Record<string, string>) => ({ name: '张桂兰', compound: '金海花园', building: '1号楼', unit: '1单元', room: '301', ...over });

describe('roster rows (issue 13 input hygiene)', () => {
  it('refuses a birth date PostgreSQL cannot hold, naming the range', () => {
    expect(parseRosterRow(2, row({ birthDate: '0000-01-01' })).errors).toEqual([
      { row: 2, field: 'birthDate', rule: 'date_out_of_range', value: '0000-01-01', params: { min: '1900-01-01', max: expect.any(String) } },
    ]);
    expect(parseRosterRow(3, row({ birthDate: '1948-13-40' })).errors).toContainEqual(expect.objectContaining({ field: 'birthDate', rule: 'invalid_date' }));
    expect(parseRosterRow(4, row({ birthDate: '1948年3月12日' })).value?.birthDate).toBe('1948-03-12');
  });

  it('refuses a cell holding NUL or another control character, naming the column', () => {
    expect(parseRosterRow(2, row({ notes: 'a\u0000b', room: '30\u00071' })).errors.map((e) => [e.field, e.rule])).toEqual([
      ['room', 'forbidden_character'],
      ['notes', 'forbidden_character'],
    ]);
  });
});
