// The auth feature's public face for the console shell: the session around every page. Its screens (login,
// setup, change password) come from pages.ts, which the app loads lazily: the form library stays out of the first load.
export { SessionProvider, useMe } from './session.js';
