import type { FormInstance } from 'antd';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { ApiError } from '../lib/api.js';
import { getLocale, registerMessages, type I18n, type Keys } from '../lib/i18n.js';

const _texts = registerMessages(
  { 'form.enter': '请输入{field}', 'form.choose': '请选择{field}' },
  { 'form.enter': '{field} is required', 'form.choose': 'Please choose: {field}' },
);
declare module '../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

/** A required field's rule, worded as a Chinese form asks: 请输入用户名, 请选择类别 (never the bare label). */
export const requiredRule = (t: I18n['t'], label: string, how: 'enter' | 'choose' = 'enter') => ({
  required: true,
  message: t(how === 'enter' ? 'form.enter' : 'form.choose', { field: label }),
});

/**
 * Puts each field error of an API answer under its form field; returns the message for the rest. `labels`: the form's
 * own names of its fields (field → label as shown), so an error names the field as the reader sees it labelled.
 */
export function applyApiError(form: FormInstance | undefined, err: unknown, labels: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return String(err);
  const say = (f: ApiError['fields'][number]) => {
    const label = labels[f.field.split('.')[0]!];
    return label ? formatFieldIssue(getLocale(), f, label) : (f.message ?? f.rule);
  };
  if (form && err.fields.length) {
    // Registered fields (even untouched ones) plus any stored values.
    const known = new Set([...Object.keys(form.getFieldsValue()), ...Object.keys(form.getFieldsValue(true))]);
    const placed = err.fields.filter((f) => known.has(f.field.split('.')[0]!));
    // An earlier answer's errors go first, so only what this answer says stays on screen.
    const named = new Map<string, string[]>([...known].map((name) => [name, []]));
    for (const f of placed) named.set(f.field.split('.')[0]!, [say(f)]);
    form.setFields([...named].map(([name, errors]) => ({ name, errors })));
    if (placed.length === err.fields.length) return '';
    const rest = err.fields.filter((f) => !placed.includes(f));
    return rest.map(say).join(getLocale() === 'en' ? '; ' : '；');
  }
  if (err.fields.length && Object.keys(labels).length) return err.fields.map(say).join(getLocale() === 'en' ? '; ' : '；');
  return err.message;
}

/**
 * For a Form's onValuesChange: a field the user changes loses the error the API put under it (a field without rules
 * keeps it otherwise, so "类别不能为空" stayed after a category was chosen).
 */
export const clearErrorsOnChange = (form: FormInstance) => (changed: Record<string, unknown>) =>
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));

/** antd's button props have no data-* keys: this lets a modal's or a confirm's button carry a test id. */
export const testIdProps = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
