export { authRoutes } from './auth.routes.js';
export { registerAuthentication } from './authenticate.js';
export { hashPassword, revokeAccountSessions, SESSION_COOKIE } from './auth.service.js';
export { accountLocks, unlockAccount } from './login-limits.js';
