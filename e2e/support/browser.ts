import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// LINLI_CHROMIUM only exists so the missing-browser path can be tried on a machine that has one.
export const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/**
 * In CI a missing browser is a failure; on a laptop the browser journeys are reported as skipped, with the reason.
 */
export function requireBrowserOrExplain(): boolean {
  if (hasChromium) return true;
  if (process.env.CI) throw new Error(`e2e: ${CHROMIUM} not found, and CI must run the browser tests (apt-get install -y chromium)`);
  console.warn(`e2e skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`);
  return false;
}

export async function launch(): Promise<Browser> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
