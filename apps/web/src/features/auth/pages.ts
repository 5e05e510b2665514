export { LoginPage } from './login-page.js';
export { ChangePassword } from './change-password.js';
export { SetupPage } from './setup-page.js';
