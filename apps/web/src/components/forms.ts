import type { FormInstance } from 'antd';
import { ApiError } from '../lib/api.js';

/** Puts each field error of an API answer under its form field; returns the message for the rest. */
export function applyApiError(form: FormInstance | undefined, err: unknown): string {
  if (!(err instanceof ApiError)) return String(err);
  if (form && err.fields.length) {
    // Registered fields (even untouched ones) plus any stored values.
    const known = new Set([...Object.keys(form.getFieldsValue()), ...Object.keys(form.getFieldsValue(true))]);
    const placed = err.fields.filter((f) => known.has(f.field.split('.')[0]!));
    // An earlier answer's errors go first, so only what this answer says stays on screen.
    const named = new Map<string, string[]>([...known].map((name) => [name, []]));
    for (const f of placed) named.set(f.field.split('.')[0]!, [f.message ?? f.rule]);
    form.setFields([...named].map(([name, errors]) => ({ name, errors })));
    if (placed.length === err.fields.length) return '';
  }
  return err.message;
}

/** antd's button props have no data-* keys: this lets a modal's or a confirm's button carry a test id. */
export const testIdProps = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
