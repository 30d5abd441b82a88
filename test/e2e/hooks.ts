// Mocha root hooks for the e2e suite: build the world once, screenshot every failure.
import path from 'node:path';
import type { Context } from 'mocha';
import { inertElements } from './workbench';
import { RESULTS, startWorld, stopWorld, world } from './world';

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(120_000);
    await startWorld();
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const name = test.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
    const inert = await inertElements(world().page).catch(() => []);
    if (inert.length > 0) console.error(`e2e: after the failure, inert: ${inert.join(', ')}`);
    await world()
      .page.screenshot({ path: path.join(RESULTS, `e2e-${name}.png`) })
      .catch(() => undefined);
    // A failed test may leave a prompt open; close it so the next test starts from the workbench.
    await world()
      .page.keyboard.press('Escape')
      .catch(() => undefined);
  },
  async afterAll() {
    await stopWorld();
  },
};
