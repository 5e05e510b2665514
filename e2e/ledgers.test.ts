import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

describe.runIf(run)('ledgers and the dashboard in the browser', () => {
  const env = useServerAndBrowser();

  it('the secretary exports the 花名册 as an inspection-ready workbook', async () => {
    const page = await consoleAs(env, 'jgc_shuji', { path: '/ledger', ready: 'ledger-page' });
    await pickOption(page.getByTestId('ledger-register'), '居民花名册');
    await page.getByTestId('ledger-export').click();
    await page.getByTestId('ledger-download').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'console-ledger-roster.png') });
    const download = await page.request.get(env.url + (await page.getByTestId('ledger-download').getAttribute('href'))!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('居民花名册')!;
    expect(sheet.getCell('A1').value).toBe('金港城社区 居民花名册');
    expect(sheet.getCell('A3').value).toBe('序号');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    expect(JSON.stringify(sheet.getSheetValues())).toContain('经办人');
  });

  it('the dashboard shows each rate’s rule, and the system administrator gets a ranking', async () => {
    const sec = await consoleAs(env, 'jgc_shuji', { path: '/dashboard', ready: 'dashboard' });
    await expect.poll(() => sec.getByTestId('rate-response-rule').textContent()).toContain('响应率：');
    expect(await sec.getByTestId('rate-satisfaction-rule').textContent()).toContain('满意率：');
    const admin = await consoleAs(env, 'admin', { path: '/dashboard', ready: 'dashboard' });
    await admin.getByTestId('ranking-table').waitFor();
    expect(await admin.getByTestId('ranking-table').textContent()).toContain('金港城');
    await admin.getByTestId('ranking-subdistrict').waitFor();
    await admin.screenshot({ path: path.join(screenshotDir, 'console-dashboard-admin.png'), fullPage: true });
  });
});
