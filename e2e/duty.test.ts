import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs, phoneAs } from './support/login.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };

describe.runIf(run)('值守排班: the secretary reads the week of the posts, a volunteer sees their shifts on the phone (issue 10)', () => {
  const env = useServerAndBrowser();

  it('shows the week grid with the short-handed shift, its people and history, the swaps; the phone lists my shifts and refuses a check-in out of its window', async () => {
    const sec = await consoleAs(env, 'jgc_shuji', { path: '/duty', ready: 'duty-grid', height: 1000 });
    await sec.getByTestId('duty-shift').first().waitFor();
    const grid = (await sec.getByTestId('duty-grid').textContent())!;
    expect(grid).toContain('社区广场党员阵地');
    expect(grid).toContain('金海花园小区党员阵地');
    // The square's shift tomorrow is one short (the demo); on a Sunday in Beijing tomorrow is in next week.
    if (new Date(Date.now() + 8 * 3_600_000).getUTCDay() === 0) await sec.getByTestId('duty-next-week').click();
    await sec.getByTestId('duty-shift-uncovered').first().waitFor();
    expect(await sec.getByTestId('duty-coverage').textContent()).toMatch(/\d+ \/ \d+ 个班次人员齐备/);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-duty-week.png'), fullPage: true });
    await sec.getByTestId('duty-shift-uncovered').first().click();
    const drawer = sec.getByTestId('duty-shift-drawer');
    await drawer.getByTestId('duty-person').first().waitFor();
    expect(await drawer.textContent()).toContain('缺 1 人');
    expect(await drawer.textContent()).toContain('撤下');
    await sec.screenshot({ path: path.join(screenshotDir, 'console-duty-shift.png') });
    await sec.keyboard.press('Escape');
    await sec.getByRole('tab', { name: '值守模板' }).click();
    await sec.getByTestId('duty-templates').locator('tbody tr').first().waitFor();
    await sec.screenshot({ path: path.join(screenshotDir, 'console-duty-templates.png') });
    await sec.getByRole('tab', { name: '换班审批' }).click();
    await sec.getByTestId('duty-swaps').getByText('已换班').waitFor();
    await sec.screenshot({ path: path.join(screenshotDir, 'console-duty-swaps.png') });

    // 志愿者小博 on the phone: the home link, his coming shifts, a check-in refused outside its window.
    const phone = await phoneAs(env, 'jgc_zhiyuan', viewport);
    await phone.getByTestId('h5-duty-link').click();
    await phone.getByTestId('h5-duty').waitFor();
    await phone.getByTestId('h5-duty-shift').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-duty.png'), fullPage: true });
    await phone.getByTestId('h5-duty-checkin').last().click();
    await phone.getByTestId('h5-duty-error').waitFor();
    expect(await phone.getByTestId('h5-duty-error').textContent()).toMatch(/签到/);
    await phone.getByTestId('h5-duty-ask-swap').last().click();
    await phone.getByTestId('h5-duty-swap-form').or(phone.getByText('同一阵地近期没有')).first().waitFor();
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-duty-swap.png'), fullPage: true });
  });
});
