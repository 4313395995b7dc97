import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; the browser tests skip (visibly) when it is not installed. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');

/** Launches the system Chromium headless, never downloading a browser. */
export function launchChromium(): Promise<Browser> {
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

/**
 * Saves a full-page screenshot under test-artifacts/screenshots/; with UPDATE_README_SCREENSHOTS=1
 * also as docs/images/<readme>.png (the README's pictures).
 */
export async function screenshot(page: Page, name: string, readme?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (readme !== undefined && process.env.UPDATE_README_SCREENSHOTS === '1') {
    mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/images', `${readme}.png`), fullPage: true });
  }
}
