// The save promise as a person meets it (runs after catalog.e2e.ts, with the key set): unsaved
// text of a product, a plan and a product's settings survives a window reload and its save still
// merges with a colleague's change made meanwhile; a colleague saving while the conflict dialog is open is not overwritten.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { latestVersion } from '../../sandbox/planRecords';
import { world } from './world';
import { waitForBackup } from './backups';
import { editorTab, modalDialog, notification, quickInputBox, replaceLine, runCommand, selectLine, typeIntoQuickInput, waitForStep, waitForStepToClose } from './workbench';

function page(): Page {
  return world().page;
}

/**
 * Opens a product by pasting its ID into Open Product… (a tree row can move under the pointer
 * while the tree refreshes after an earlier save; the ID names exactly one product).
 */
async function openProduct(_name: string, id: string, identifier: string) {
  await runCommand(page(), 'Kelviq: Open Product…');
  const step = { title: 'Kelviq: Open Product' };
  await waitForStep(page(), step);
  await typeIntoQuickInput(page(), id);
  await quickInputBox(page()).press('Enter');
  await waitForStepToClose(page(), step);
  // Named after its identifier when it was open already (its editor is shown), else after its ID.
  const tab = editorTab(page(), `${identifier}.json`).or(editorTab(page(), `${id}.json`));
  await tab.first().waitFor({ state: 'visible' });
  await page().locator('.monaco-editor .view-lines', { hasText: id }).first().waitFor({ state: 'visible' });
  await page().locator('.monaco-editor .view-lines').first().click();
  return tab;
}

/** Reloads the window (hot exit keeps unsaved text) and waits until `tab` is back, dirty, showing `text`. */
async function reloadKeeping(tab: Locator, text: string): Promise<void> {
  const afterReload = { timeout: 180_000 };
  await Promise.all([page().waitForEvent('load', afterReload), runCommand(page(), 'Developer: Reload Window', { reloadsWindow: true })]);
  await page().locator('.monaco-workbench').waitFor({ state: 'visible', ...afterReload });
  await tab.and(page().locator('.dirty')).waitFor({ state: 'visible', ...afterReload });
  await page().locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ state: 'visible', ...afterReload });
}

/** Ctrl+S in the editor, then waits until `tab` is clean. */
async function saveWithKeys(tab: Locator): Promise<void> {
  await page().locator('.monaco-editor .view-lines').first().click();
  await page().keyboard.press('Control+S');
  await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
}

describe('Saves a person can trust', function () {
  it('keeps unsaved text across a window reload, and its save merges a colleague’s change made meanwhile', async function () {
    // A reload starts a new workbench and extension host: slow on a loaded 2-core machine.
    this.timeout(300_000);
    const product = world().sandbox.store.list()[2];
    assert.ok(product);
    const tab = await openProduct(product.name, product.id, product.identifier);
    await replaceLine(page(), 5, '"description": "Typed before the reload",');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    // Hot exit restores what VS Code backed up; it backs up a moment after the edit.
    await waitForBackup(world().run, 'Typed before the reload');
    world().sandbox.store.update(product.id, { taxCode: 'ebook' }, 'Other User');

    await reloadKeeping(tab, 'Typed before the reload');
    await saveWithKeys(tab);
    const saved = world().sandbox.store.get(product.id);
    assert.equal(saved?.description, 'Typed before the reload');
    assert.equal(saved?.taxCode, 'ebook', 'the colleague’s change made before the reload is kept');
  });

  it('opens a plan from its product’s document link; its unsaved text survives a reload, and its save keeps a colleague’s change', async function () {
    this.timeout(300_000);
    const store = world().sandbox.store;
    const product = store.list().filter((p) => p.plans.length > 0).at(-1);
    assert.ok(product, 'a demo product with a published plan');
    const identifier = product.plans[0]!;
    const plan = store.plans.get(identifier);
    assert.ok(plan);
    await openProduct(product.name, product.id, product.identifier);
    // The plan's identifier in the product's `plans` is a link. Open Link on it opens the plan's
    // document (keyboard, not Ctrl+click: a pointer aimed at a line can land on whatever the
    // workbench lays over the editor meanwhile, as a fresh-clone run under load showed).
    await page().locator('.monaco-editor .view-lines .detected-link', { hasText: identifier }).first().waitFor({ state: 'visible' });
    // Line 10 is the first of `plans` (id, identifier, name, description, taxCode, createdBy, modifiedOn, plans).
    // selectLine leaves the line's text selected: Left puts the cursor before its quote, then two
    // steps right is inside the identifier.
    await selectLine(page(), 10);
    await page().keyboard.press('ArrowLeft');
    await page().keyboard.press('ArrowRight');
    await page().keyboard.press('ArrowRight');
    await page().locator('.statusbar-item', { hasText: 'Ln 10, Col 7' }).first().waitFor({ state: 'visible' });
    await runCommand(page(), 'Open Link');
    const tab = editorTab(page(), `${identifier}.json`);
    await tab.first().waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines', { hasText: `"identifier": "${identifier}"` }).first().waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines').first().click();
    // Line 5 is the description (identifier, product, name, description).
    await replaceLine(page(), 5, '"description": "Typed into the plan before the reload",');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    await waitForBackup(world().run, 'Typed into the plan before the reload');
    store.plans.update(plan, { name: 'Renamed by a colleague' });

    await reloadKeeping(tab, 'Typed into the plan before the reload');
    await saveWithKeys(tab);
    const saved = latestVersion(plan);
    assert.equal(saved.description, 'Typed into the plan before the reload');
    assert.equal(saved.name, 'Renamed by a colleague', 'the colleague’s change made before the reload is kept');
    assert.equal(saved.publishedOn, null, 'the edit of a published plan is a draft');
  });

  it('keeps unsaved product settings across a window reload, and their save keeps a colleague’s change', async function () {
    this.timeout(300_000);
    const store = world().sandbox.store;
    const product = store.list()[5];
    assert.ok(product);
    store.updateSettings(product.id, { vpn: true, tor: true, proxy: true });
    // From the palette, as a person without the tree would: the picker finds the product by its ID.
    await runCommand(page(), 'Kelviq: Open Product Settings');
    const step = { title: 'Kelviq: Open Product Settings' };
    await waitForStep(page(), step);
    await typeIntoQuickInput(page(), product.id);
    await quickInputBox(page()).press('Enter');
    await waitForStepToClose(page(), step);
    const tab = editorTab(page(), `${product.identifier}-settings.json`);
    await tab.first().waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines', { hasText: '"productUrl"' }).first().waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines').first().click();
    // Line 2 is `vpn` (vpn, tor, proxy, currency, productUrl).
    await replaceLine(page(), 2, '"vpn": false,');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    await waitForBackup(world().run, '"vpn": false');
    store.updateSettings(product.id, { tor: false });

    await reloadKeeping(tab, '"vpn": false');
    await saveWithKeys(tab);
    const saved = store.settings(product.id);
    assert.equal(saved?.vpn, false);
    assert.equal(saved?.tor, false, 'the colleague’s change made before the reload is kept');
  });

  it('reads the server again after the conflict dialog: a change made while it was open is kept', async () => {
    const product = world().sandbox.store.list()[3];
    assert.ok(product);
    const tab = await openProduct(product.name, product.id, product.identifier);
    // Typed first: a clean document would simply reload the colleague's change (remote changes).
    await replaceLine(page(), 4, '"name": "My Name",');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    world().sandbox.store.update(product.id, { name: 'Their Name' }, 'Other User');
    await page().keyboard.press('Control+S');
    const dialog = modalDialog(page());
    await dialog.waitFor({ state: 'visible' });
    // While the dialog is open, the colleague saves again, another field.
    world().sandbox.store.update(product.id, { description: 'Changed while the dialog was open' }, 'Other User');
    await dialog.locator('.monaco-button', { hasText: 'Overwrite' }).click();
    await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
    const saved = world().sandbox.store.get(product.id);
    assert.equal(saved?.name, 'My Name');
    assert.equal(saved?.description, 'Changed while the dialog was open', 'not overwritten with the value from before the dialog');
  });

  it('says a save cancelled while its change was being sent may have been applied, keeps the text, and saves it later', async () => {
    const product = world().sandbox.store.list()[4];
    assert.ok(product);
    const tab = await openProduct(product.name, product.id, product.identifier);
    await replaceLine(page(), 5, '"description": "Sent, then cancelled",');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    // The PATCH gets no answer for a minute: long enough to press Cancel on the progress.
    const held = world().sandbox.faults.add({ method: 'PATCH', path: product.id, delayMs: 60_000, status: 503, times: 1 });
    await page().keyboard.press('Control+S');
    const progress = notification(page(), `Saving ${product.name}`);
    await progress.waitFor({ state: 'visible' });
    // Cancel once the PATCH has reached the server (before, nothing was sent and the save says so).
    for (const deadline = Date.now() + 60_000; held.hits === 0; ) {
      assert.ok(Date.now() < deadline, 'the PATCH reached the sandbox');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await notification(page(), 'it may have been applied on the server').waitFor({ state: 'visible' });
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    world().sandbox.faults.clear();
    await page().locator('.monaco-editor .view-lines').first().click();
    await page().keyboard.press('Control+S');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
    assert.equal(world().sandbox.store.get(product.id)?.description, 'Sent, then cancelled');
  });
});
