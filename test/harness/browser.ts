// Debian's Chromium, driven by playwright-core: the "person" of the e2e tests and the carrier
// of the extension-test payload. Never lets Playwright download a browser.
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunDir } from './runDir';
import { tools } from './vscodeServer';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(run: RunDir): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(path.join(run.browserProfile), {
    executablePath: tools.chromium,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
    env: run.env() as Record<string, string>,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
