import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's names of the votes and conventions pages, loaded with the console's first chunk.
const _texts = registerMessages({ 'nav.votes': '表决', 'nav.conventions': '小区公约' }, { 'nav.votes': 'Votes', 'nav.conventions': 'Conventions' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
