import { z } from 'zod';

/**
 * Characters no text field may hold: C0 controls except tab, line feed and carriage return; DEL; and UTF-16
 * surrogates that are not part of a pair. PostgreSQL refuses NUL in text, XML 1.0 refuses the C0 controls, and a lone
 * surrogate cannot be encoded as UTF-8 at all, so they are refused at the door with the field named.
 */
export const forbiddenCharacterPattern =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasForbiddenCharacter = (value: string): boolean => forbiddenCharacterPattern.test(value);

/** Text without forbidden characters, for schemas whose strings do not pass the HTTP hook (files, spreadsheets). */
export const plainTextSchema = z.string().refine((v) => !hasForbiddenCharacter(v), { params: { rule: 'forbidden_character' } });

/**
 * The calendar range every date field accepts. PostgreSQL has no year 0 and JavaScript dates end in +275760, so
 * an unbounded date reaches the database as an error; no date in a community's records lies outside this range.
 */
export const dateRange = { min: '1900-01-01', max: '2199-12-31' } as const;
const dateParams = { rule: 'date_out_of_range', min: dateRange.min, max: dateRange.max };

/** "YYYY-MM-DD", a real calendar day within `dateRange`. */
export const dateSchema = z.iso.date().refine((v) => v >= dateRange.min && v <= dateRange.max, { params: dateParams });

/** An ISO date-time with offset, within `dateRange`. */
export const dateTimeSchema = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.parse(`${dateRange.min}T00:00:00Z`) && t < Date.parse(`${dateRange.max}T23:59:59.999Z`);
  },
  { params: dateParams },
);
