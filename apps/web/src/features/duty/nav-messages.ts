import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's name of the duty roster page, loaded with the console's first chunk (the page's own texts load with it).
const _texts = registerMessages({ 'nav.duty': '值守排班' }, { 'nav.duty': 'Duty rosters' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
