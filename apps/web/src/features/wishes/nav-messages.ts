import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's name of the wishes page, loaded with the console's first chunk (the page's own texts load with it).
const _texts = registerMessages({ 'nav.wishes': '微心愿' }, { 'nav.wishes': 'Micro-wishes' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
