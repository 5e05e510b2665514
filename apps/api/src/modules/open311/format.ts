import { errorMessages, errorStatus, formatFieldIssue } from '@linli/contracts';
import { toAppError } from '../../platform/http/error-handler.js';

/** Open311 GeoReport v2 answers in JSON or XML; XML elements are named after the JSON keys. */
export type Format = 'json' | 'xml';
export const contentType: Record<Format, string> = { json: 'application/json', xml: 'text/xml' };

/** Characters XML 1.0 does not allow in a document, lone surrogates included; input hygiene keeps them out, this is the last guard. */
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const esc = (s: string) => s.replace(notXmlChar, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function node(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const singular = name.endsWith('s') ? name.slice(0, -1) : name;
    return `<${name}>${value.map((v) => node(singular, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => node(k, v))
      .join('')}</${name}>`;
  return `<${name}>${esc(String(value))}</${name}>`;
}

/** A list answer: JSON array, or XML <root><item/>…</root>. */
export function render(format: Format, root: string, item: string, rows: Array<Record<string, unknown>>): string {
  if (format === 'json') return JSON.stringify(rows);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${rows.map((r) => node(item, r)).join('')}</${root}>`;
}

/** An object answer (discovery, service definition). */
export function renderObject(format: Format, root: string, obj: Record<string, unknown>): string {
  if (format === 'json') return JSON.stringify(obj);
  return `<?xml version="1.0" encoding="utf-8"?>\n${node(root, obj)}`;
}

/** Splits "requests.json" or "123.xml" into name and format; null if the format is not one of ours. */
export function splitFile(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * Any error of an Open311 request in Open311's own terms: the app's validation errors (input hygiene, schemas)
 * keep their status and name their fields in the description; null for an unexpected error.
 */
export function toOpen311Error(err: unknown): Open311Error | null {
  if (err instanceof Open311Error) return err;
  const appError = toAppError(err);
  if (!appError || appError.code === 'INTERNAL') return null;
  const status = errorStatus[appError.code];
  const fields = appError.details?.fields ?? [];
  const description = fields.length ? fields.map((f) => `${f.field}: ${formatFieldIssue('en', f)}`).join('; ') : errorMessages.en[appError.code];
  return new Open311Error(status, status, description);
}
