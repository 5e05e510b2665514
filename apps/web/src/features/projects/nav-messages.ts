import { registerMessages, type Keys } from '../../lib/i18n.js';

// The menu's name of the projects page, loaded with the console's first chunk.
const _texts = registerMessages({ 'nav.projects': '为民办实事' }, { 'nav.projects': 'Community projects' });
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}
