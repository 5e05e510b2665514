import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu label of the 双报到 page, loaded with the console shell (the page's own texts load with the page).
const _texts = registerMessages({ 'nav.party': '双报到' }, { 'nav.party': 'Party report-in' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
