// One list of demo accounts for README and tests; the seed (apps/api/src/demo) owns it, so the server never imports from e2e/.
export { DEMO_PASSWORD, demoAccounts } from '../apps/api/src/demo/accounts.js';
