import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';

const run = requireBrowserOrExplain();
const branch = '凌霄花园小区党支部';

describe.runIf(run)('小区党支部: staff set up a compound party branch and add its secretary (issue 10)', () => {
  const env = useServerAndBrowser();

  it('creates a branch on the 双报到 page, adds a secretary, and the 党员 register shows the branch on the row', async () => {
    const sec = await consoleAs(env, 'lx_shuji', { path: '/party', ready: 'party-tab-branches' });
    await sec.getByTestId('party-tab-branches').click();
    await sec.getByTestId('party-new-branch').click();
    await sec.locator('.ant-modal .ant-btn-primary').click();
    await expect.poll(() => sec.locator('.ant-modal .ant-form-item-explain-error').first().textContent()).toContain('支部名称');
    await sec.getByTestId('party-branch-name').fill(branch);
    await sec.locator('.ant-modal .ant-btn-primary').click();
    const row = sec.getByTestId('party-branches').locator('tr', { hasText: branch });
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await sec.getByTestId('party-branch-member-pick').locator('.ant-select').click();
    const option = sec.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const name = (await option.textContent())!.trim();
    await option.click();
    await sec.getByTestId('party-branch-role').click();
    await sec.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '支部书记' }).click();
    await sec.getByTestId('party-branch-add').click();
    await expect.poll(() => sec.getByTestId('party-branch-members').textContent()).toContain(`${name} · 支部书记`);
    expect(await row.textContent()).toContain(`1 · ${name}`);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-party-branches.png') });

    await sec.goto(`${env.url}/party-members`);
    await sec.getByTestId('party-members-search').locator('input').fill(name);
    await sec.getByTestId('party-members-search').locator('input').press('Enter');
    const member = sec.getByTestId('party-members-table').locator('tr', { hasText: name }).first();
    await member.waitFor();
    expect(await member.textContent()).toContain(`${branch}（支部书记）`);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-party-members-branch.png') });
  }, 120_000);
});
