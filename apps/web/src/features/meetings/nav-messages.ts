import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's name of the meetings page, loaded with the console's first chunk.
const _texts = registerMessages({ 'nav.meetings': '议事会议' }, { 'nav.meetings': 'Meetings' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
