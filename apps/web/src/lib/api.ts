import createClient from 'openapi-fetch';
import type { ErrorCode, FieldIssue } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { getLocale } from './i18n.js';

/** An error answered by the API, already translated by the server for the UI's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Query strings as the API reads them: empty values are left out rather than sent blank. */
export function qs(params: Record<string, unknown>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/**
 * The one HTTP client of the web, typed by the API's OpenAPI document (packages/contracts/src/openapi.d.ts):
 * a path, a parameter or a body the API does not declare fails the type check. Cookies ride along (same origin);
 * the browser's Origin header is what the API's same-origin check reads.
 */
export const client = createClient<paths>({ credentials: 'same-origin', querySerializer: (q) => qs(q).slice(1) });
client.use({
  onRequest({ request }) {
    request.headers.set('accept-language', getLocale());
    return request;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError carrying the code, the translated message and the field issues. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const e = (error as { error?: { code?: ErrorCode; message?: string; requestId?: string; details?: { fields?: FieldIssue[] } } } | undefined)?.error;
    throw new ApiError(response.status, e?.code ?? 'INTERNAL', e?.message ?? response.statusText, e?.details?.fields ?? [], e?.requestId);
  }
  return data as T;
}

/** A multipart body (photos, a spreadsheet): the OpenAPI document does not describe files, so its type is opened here. */
export const formBody = (form: FormData) => form as never;

/** A URL the browser fetches by itself (an image, a download link), its path checked against the API's. */
export function apiUrl<P extends keyof paths>(path: P, params: Record<string, string | number> = {}, query: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k]))) + qs(query);
}
