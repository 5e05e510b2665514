import type { FastifyRequest } from 'fastify';
import { hasForbiddenCharacter } from '@linli/contracts';
import { AppError, invalidField } from '../errors.js';

/** Limits of multipart uploads; the whole request may carry every file at its largest, and a little more. */
export const uploadLimits = {
  fileSize: 20 * 1024 * 1024,
  files: 5,
  get requestSize() {
    return this.fileSize * this.files + 1024 * 1024;
  },
};

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/**
 * Reads the files of a multipart request. A request without a boundary, cut short or otherwise malformed answers
 * 400 naming `field`; limits keep their own answer (413); a request that is not multipart has no files.
 */
export async function readUploadedFiles(request: FastifyRequest, field: string): Promise<UploadedFile[]> {
  if (!request.isMultipart()) return [];
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.files()) {
      if (hasForbiddenCharacter(part.filename ?? '')) throw invalidField(field, 'forbidden_character');
      files.push({ fileName: part.filename, data: await part.toBuffer() });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413 || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw err;
    throw invalidField(field, 'invalid_upload');
  }
  return files;
}
