import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's name of the venues page, loaded with the console's first chunk.
const _texts = registerMessages({ 'nav.venues': '场地预约' }, { 'nav.venues': 'Venue bookings' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
