import type { FormInstance } from 'antd';
import { ApiError } from '../lib/api.js';

/** Puts each field error of an API answer under its form field; returns the message for the rest. */
export function applyApiError(form: FormInstance | undefined, err: unknown): string {
  if (!(err instanceof ApiError)) return String(err);
  if (form && err.fields.length) {
    // Registered fields (even untouched ones) plus any stored values.
    const known = new Set([...Object.keys(form.getFieldsValue()), ...Object.keys(form.getFieldsValue(true))]);
    const placed = err.fields.filter((f) => known.has(f.field.split('.')[0]!));
    form.setFields(placed.map((f) => ({ name: f.field.split('.')[0]!, errors: [f.message ?? f.rule] })));
    if (placed.length === err.fields.length) return '';
  }
  return err.message;
}

/** antd's button props have no data-* keys: this lets a modal's or a confirm's button carry a test id. */
export const testIdProps = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
