import type { FastifyRequest } from 'fastify';
import { hasForbiddenCharacter } from '@linli/contracts';
import { Open311Error } from './format.js';

export interface Open311Body {
  fields: Record<string, string>;
  media: Buffer[];
}

const refuse = (description: string) => new Open311Error(400, 400, description);

/**
 * The fields of an Open311 POST, however the client sent them (ADR 0033): the query string, then a form
 * (application/x-www-form-urlencoded, parsed by the route scope), multipart/form-data (fields, and photos in `media`) or
 * a JSON object of scalars. A field given twice, in the body or across body and query, answers 400; so does a POST that
 * sends no field at all, a multipart body that cannot be read, or a field holding a character no text may hold.
 */
export async function readOpen311Body(request: FastifyRequest): Promise<Open311Body> {
  const fields = new Map<string, string>();
  const put = (key: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object') throw refuse(`${key} is not a single value`);
    const text = String(value);
    if (hasForbiddenCharacter(key) || hasForbiddenCharacter(text)) throw refuse(`${key} contains a character that is not allowed`);
    if (fields.has(key)) throw refuse(`${key} was given more than once`);
    fields.set(key, text);
  };
  for (const [key, value] of Object.entries((request.query as Record<string, unknown>) ?? {})) put(key, value);
  const media: Buffer[] = [];
  if (request.isMultipart()) {
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'media') throw refuse(`${part.fieldname}: only the media field takes files`);
          media.push(await part.toBuffer());
        } else put(part.fieldname, part.value);
      }
    } catch (err) {
      if (err instanceof Open311Error) throw err;
      const e = err as { statusCode?: number; code?: string };
      if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT') throw new Open311Error(413, 413, 'too many files or fields');
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw new Open311Error(413, 413, 'media: a file is too large');
      throw refuse('the multipart body could not be read');
    }
  } else if (request.body !== undefined && request.body !== null) {
    if (typeof request.body !== 'object' || Array.isArray(request.body) || Buffer.isBuffer(request.body)) throw refuse('the body is not a set of fields');
    for (const [key, value] of Object.entries(request.body)) put(key, value);
  }
  if (fields.size === 0 && media.length === 0) throw refuse('the request has no fields (send them as a form, multipart or JSON)');
  return { fields: Object.fromEntries(fields), media };
}
