import { registerMessages, type Keys } from '../../lib/i18n.js';

const _texts = registerMessages({ 'nav.activities': '活动' }, { 'nav.activities': 'Activities' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
