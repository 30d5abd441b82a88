// `npm start` on a shared machine: what scripts/start.ts starts (scripts/demo.ts), started here on
// free ports with a throwaway run folder. Without the password the workbench is refused (a
// redirect to the login page, for a local user and a DNS-rebinding page alike); with it, the
// workbench loads, and Set API Key offers the demo key, so the first minute is one Enter.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { DEMO_API_KEY } from '../../sandbox';
import { demoPassword, startDemo, type Demo } from '../../scripts/demo';
import { launchBrowser } from '../harness/browser';
import { notification, runCommand, treeRows } from './workbench';
import { RESULTS } from './world';

describe('npm start', function () {
  let demo: Demo | undefined;

  before(async function () {
    this.timeout(120_000);
    demo = await startDemo({ label: 'demo-test', persistent: false, sandboxPort: 0, port: 0 });
  });
  after(async () => {
    await demo?.stop();
  });

  it('refuses the workbench without the password: a redirect to the login page, whatever the origin', async () => {
    const { url } = demo!;
    const page = await fetch(url, { redirect: 'manual' });
    assert.equal(page.status, 302);
    assert.match(page.headers.get('location') ?? '', /^\.\/login\?.*to=/);
    const rebinding = await fetch(url, { redirect: 'manual', headers: { origin: 'http://evil.example' } });
    assert.equal(rebinding.status, 302, 'no cookie, no workbench, whatever the origin');
    const login = await fetch(new URL('login', url));
    assert.equal(login.status, 200);
    assert.match(await login.text(), /type="password"/);
  });

  it('has a random password of 24 characters, different for each run', () => {
    assert.match(demo!.password, /^[A-Za-z0-9_-]{24}$/);
    const others = new Set(Array.from({ length: 100 }, demoPassword));
    assert.equal(others.size, 100);
    assert.ok(!others.has(demo!.password));
  });

  it('loads the workbench after the password, and Set API Key fills in the demo key', async function () {
    this.timeout(360_000); // a second workbench starts from nothing here
    const { context, page } = await launchBrowser(demo!.run);
    try {
      await page.goto(demo!.url);
      const password = page.locator('input[type="password"]');
      await password.waitFor({ state: 'visible' });
      await password.fill(demo!.password);
      await password.press('Enter');
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      // A fresh profile: the extension host starts and scans extensions before the icon shows.
      const kelviq = page.locator('.activitybar [aria-label^="Kelviq"]').first();
      await kelviq.waitFor({ state: 'visible', timeout: 90_000 });
      await kelviq.click();
      // The extension activates after the view shows (its icon spins meanwhile): slow on a busy machine.
      await page.locator('.welcome-view-content', { hasText: 'Started with npm start?' }).waitFor({ state: 'visible', timeout: 120_000 });
      await runCommand(page, 'Kelviq: Set API Key');
      const input = page.locator('.quick-input-widget input[type="password"]');
      await input.waitFor({ state: 'visible' });
      assert.equal(await input.inputValue(), DEMO_API_KEY);
      await input.press('Enter');
      await notification(page, 'API key saved').waitFor({ state: 'visible' });
      await treeRows(page, 'Products').first().waitFor({ state: 'visible' });
    } catch (err) {
      await page.screenshot({ path: path.join(RESULTS, 'e2e-npm-start-demo-page.png') }).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  });
});
