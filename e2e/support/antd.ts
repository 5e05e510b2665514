import type { Locator } from 'playwright-core';

// Ant Design's Select and DatePicker open with a motion; on a loaded machine a click that lands during it, or a typed
// date confirmed a moment too early, is sometimes lost. A person would simply try again, and so do these helpers:
// each checks what the widget shows afterwards and repeats the gesture (at most five times) until it shows the choice.

const attempts = 5;

/**
 * Choose an option of an antd Select (the locator is the Select, e.g. its data-testid). `text` matches the option's
 * label (`exact: true` compares the whole label); `{ first: true }` takes the first option offered. A searchable select
 * gets the label typed first, so an option far down the (virtual) list is found.
 */
export async function pickOption(select: Locator, choice: string | { first: true }, { exact = false } = {}): Promise<void> {
  const page = select.page();
  const visible = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible');
  const options = visible.locator('.ant-select-item-option');
  const option =
    typeof choice !== 'string'
      ? options.first()
      : exact
        ? options.and(page.getByTitle(choice, { exact: true })).first()
        : options.filter({ hasText: choice }).first();
  // A single select shows its value in .ant-select-content-has-value (antd 6), a multiple one as .ant-select-selection-item.
  const shown = (label: string) => select.locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: label });
  for (let i = 0; i < attempts; i++) {
    if ((await visible.count()) === 0) await select.click();
    // The option list is virtual: only about eight options are in the page. Where the select can search, typing the
    // choice brings it into view wherever it sorts.
    if (typeof choice === 'string') {
      const search = select.locator('input').first();
      if ((await search.count()) && (await search.isEditable().catch(() => false))) await search.fill(choice).catch(() => undefined);
    }
    const label = typeof choice === 'string' ? choice : ((await option.textContent({ timeout: 5_000 }).catch(() => null)) ?? '');
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    if (label && (await settled(async () => (await shown(label).count()) > 0))) return;
  }
  throw new Error(`could not choose ${typeof choice === 'string' ? choice : 'the first option'} in the select`);
}

/** Type a date (and time) into an antd DatePicker's input and confirm it, until the picker shows it once closed. */
export async function pickDate(input: Locator, text: string): Promise<void> {
  const page = input.page();
  const popup = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):visible');
  for (let i = 0; i < attempts; i++) {
    await input.click();
    await input.fill(text);
    const ok = popup.locator('.ant-picker-ok button');
    if (await ok.count()) await ok.click({ timeout: 5_000 }).catch(() => undefined);
    else await input.press('Enter');
    await settled(async () => (await popup.count()) === 0);
    if ((await popup.count()) === 0 && (await input.inputValue()) === text) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`could not set the date ${text}`);
}

async function settled(check: () => Promise<boolean>, timeoutMs = 2_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
