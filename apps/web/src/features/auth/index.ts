// The auth feature's public face: the session around the console, the login, setup and password screens.
export { SessionProvider, useMe } from './session.js';
export { LoginPage } from './login-page.js';
export { ChangePassword } from './change-password.js';
export { SetupPage } from './setup-page.js';
