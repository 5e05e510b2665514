import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { apiLogin } from './support/server.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

describe.runIf(run)('console: a secretary keeps the places and residents registers', () => {
  const env = useServerAndBrowser();

  it('walks the tree, edits a resident, reveals personal data (logged), imports a roster with a bad row, and another community gets 404', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `console-${name}.png`) });
    await page.goto(env.url + '/');
    await page.getByTestId('login-username').fill('jgc_shuji');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview').waitFor();
    expect(await page.getByTestId('community-name').textContent()).toBe('金港城社区');

    // community → compound → building → household
    await page.getByTestId('nav').getByText('小区与房屋').click();
    await page.getByTestId('compounds-table').getByText('金海花园').click();
    // 1号楼 is looked after by the demo 楼栋长 (she reads its residents only); the secretary gives her 2号楼 1单元 too.
    const buildings = page.getByTestId('buildings-table');
    await expect.poll(() => buildings.locator('tr.ant-table-row', { hasText: '1号楼' }).first().textContent()).toContain('冯阿姨');
    const second = buildings.locator('tr.ant-table-row', { hasText: '2号楼' });
    await second.locator('[data-testid^="building-heads-"]').click();
    await page.getByTestId('building-head-add').click();
    await pickOption(page.getByTestId('building-head-account-0'), '冯阿姨');
    await pickOption(page.getByTestId('building-head-unit-0'), '1单元', { exact: true });
    await page.getByTestId('building-heads-save').click();
    await expect.poll(() => second.textContent()).toContain('冯阿姨（1单元）');
    await shot('building-heads');
    await page.getByTestId('buildings-table').getByText('1号楼', { exact: true }).click();
    await page.getByTestId('household-101').first().click();
    const rows = page.getByTestId('residents-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await shot('household');

    // a resident: masked phone, then the full view, which the access log records
    await rows.first().click();
    const phone = page.getByTestId('resident-phone-value');
    await phone.waitFor();
    const masked = await phone.textContent();
    expect(masked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    await page.getByTestId('reveal-pii').click();
    await expect.poll(() => phone.textContent()).toMatch(/^1\d{10}$/);
    expect((await phone.textContent())!.slice(-4)).toBe(masked!.slice(-4));
    await page.getByTestId('tab-access').click();
    await expect.poll(() => page.getByTestId('access-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('access-table').textContent()).toContain('杨书记');
    await shot('resident-revealed');

    // edit a resident
    await page.getByTestId('resident-edit').click();
    await page.getByTestId('resident-notes').fill('行动不便，需上门服务');
    // Under a loaded CI machine the first click has been seen to land before the dialog's form is wired; a person
    // would click again, and so does the test (at most three times), with a screenshot if it never saves.
    let saved: Awaited<ReturnType<typeof page.waitForResponse>> | undefined;
    for (let attempt = 0; attempt < 3 && !saved; attempt++) {
      const response = page
        .waitForResponse((r) => /\/api\/residents\/\d+$/.test(r.url()) && r.request().method() === 'PATCH', { timeout: 8_000 })
        .catch(() => undefined);
      await page
        .getByTestId('resident-form')
        .getByRole('button', { name: /保\s*存/ })
        .click();
      saved = await response;
    }
    if (!saved) await shot('resident-edit-not-saved');
    expect(saved, 'the resident edit was never sent').toBeDefined();
    if (!saved) return;
    expect(saved.status(), await saved.text()).toBe(200);
    await expect.poll(() => page.getByTestId('resident-notes-value').first().textContent(), { timeout: 15_000 }).toBe('行动不便，需上门服务');
    const residentUrl = await page.evaluate(() => location.pathname);
    expect(residentUrl).toContain('/places/household/');

    // a roster with one bad row
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名*', '性别', '出生日期', '手机号', '身份证号', '小区*', '楼栋*', '单元*', '房号*', '与户主关系', '本地户籍', '标签', '备注']);
    ws.addRow(['马桂芳', '女', '1950-02-03', '13609310001', '', '金海花园', '2号楼', '1单元', '601', '户主', '是', '独居老人', '']);
    ws.addRow(['牛大力', '男', '1980-02-03', '1360931', '', '金海花园', '2号楼', '1单元', '602', '户主', '是', '', '']);
    ws.addRow(['杜小梅', '女', '1990-02-03', '13609310003', '', '金海花园', '2号楼', '2单元', '603', '户主', '否', '', '']);
    const file = path.join(screenshotDir, 'roster.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.locator('.ant-drawer-close').click();
    await page
      .locator('.ant-drawer-mask')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.getByTestId('nav').getByText('花名册导入').click();
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('共 3 行：正确 2 行，有问题 1 行');
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('3');
    expect(errors).toContain('手机号不是有效的手机号');
    expect(errors).toContain('136****0931');
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新建 2 位');
    expect(await page.getByTestId('import-error-rows').getAttribute('href')).toMatch(/\/api\/imports\/\d+\/errors\.xlsx$/);
    await shot('import-errors');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('导入完成：新建 2 位，更新 0 位，0 位没有变化');
    await shot('import-done');

    // the resident of 金港城 is not found for a social worker of 凌霄
    const resident = (await (await page.request.get(`${env.url}/api/residents?q=马桂芳`)).json()).items[0];
    expect(resident.address).toBe('金海花园 2号楼 1单元 601');
    const other = await apiLogin(env.url, 'lx_shegong', DEMO_PASSWORD);
    const res = await fetch(`${env.url}/api/residents/${resident.id}`, { headers: { cookie: other } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('opens the phone shell light and in Chinese', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 780 }, isMobile: true });
    const scripts: number[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push((await r.body()).length);
    });
    await page.goto(env.url + '/h5');
    await page.getByTestId('h5-login').waitFor();
    expect(await page.textContent('h1')).toBe('邻里');
    // 400,000 until issues 10–11 added five modules' home links and their error texts (414,208 bytes, 129 KB gzip);
    // the English catalog loading on demand would win back about half of the i18n chunk.
    expect(scripts.reduce((a, b) => a + b, 0)).toBeLessThan(420_000);
    await page.locator('input[name=login]').fill('jgc_wangge');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('h5-me').waitFor();
    expect(await page.getByTestId('h5-me').textContent()).toContain('网格员');
    await page.screenshot({ path: path.join(screenshotDir, 'h5-me.png') });
  });
});
