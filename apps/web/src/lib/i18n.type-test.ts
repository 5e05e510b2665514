// Compile-time tests of the typed message keys: `tsc -p apps/web` fails if any line marked below stops being an
// error (an unused @ts-expect-error is itself an error). Nothing here runs; nothing imports this file.
import { registerMessages, translate } from './i18n.js';

export function typedMessageKeys(): void {
  translate('zh-CN', 'common.save');
  // @ts-expect-error a key that no catalog declares
  translate('zh-CN', 'common.nonexistent');
  // @ts-expect-error en lacks a key that zh-CN has
  registerMessages({ 'x.one': '一', 'x.two': '二' }, { 'x.one': 'one' });
  // @ts-expect-error en has a key that zh-CN lacks
  registerMessages({ 'x.one': '一' }, { 'x.one': 'one', 'x.three': 'three' });
}
