// A person's first session with the extension, in a real VS Code (code-server) in Chromium:
// open the Kelviq view, set a key, browse, edit, save, hit a validation error, complete a tax code,
// archive, and meet a conflicting change. Assertions on the server go through the sandbox itself.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { RESULTS, world } from './world';
import {
  answerInput,
  contextMenuAction,
  editorTab,
  modalDialog,
  notification,
  pickItem,
  quickInput,
  quickInputBox,
  replaceLine,
  runCommand,
  treeRows,
  typeIntoQuickInput,
  waitForStep,
  waitForStepToClose,
} from './workbench';

/**
 * Runs in the page: which keys of the visible editor lines are drawn subdued (opacity 0.6) or not,
 * and which lines carry the "read-only" label (injected text, or a pseudo-element's content).
 * A string, because the suite compiles without the DOM's types.
 */
const READ_ONLY_LOOK = `() => {
  const lines = [...document.querySelectorAll('.monaco-editor .view-line')];
  const keySpans = lines.flatMap((line) => [...line.querySelectorAll('span span')].filter((s) => /^"[^"]+"$/.test(s.textContent) && line.textContent.trim().startsWith(s.textContent)));
  const subdued = keySpans.filter((s) => getComputedStyle(s).opacity === '0.6').map((s) => s.textContent);
  const plain = keySpans.filter((s) => getComputedStyle(s).opacity === '1').map((s) => s.textContent);
  const labelled = lines
    .filter((line) => [...line.querySelectorAll('span')].some((s) => s.textContent === 'read-only' || getComputedStyle(s, '::after').content.includes('read-only')))
    .map((line) => line.textContent.trim().split(':')[0]);
  return { subdued, plain, labelled };
}`;

/** The steps of Create Product…, by their "(n/4)" titles. */
const createStep = (n: number) => ({ title: `Kelviq: Create Product (${n}/4)` });

function page(): Page {
  return world().page;
}

function productsByName() {
  return world().sandbox.store.list();
}

/**
 * Someone else renames the product on the server; the user renames it too in the open editor
 * (line 4 is `name`) and presses Ctrl+S. Resolves with the conflict dialog, once visible.
 */
async function saveOverConcurrentRename(productId: string, theirName: string, myName: string): Promise<Locator> {
  world().sandbox.store.update(productId, { name: theirName }, 'Other User');
  await page().locator('.monaco-editor .view-lines').first().click();
  await replaceLine(page(), 4, `"name": "${myName}",`);
  await page().keyboard.press('Control+S');
  const dialog = modalDialog(page());
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

describe('Kelviq in a real VS Code', function () {
  it('shows the Kelviq view with a welcome and a Set API Key button when no key is set', async () => {
    await page().locator('.activitybar [aria-label^="Kelviq"]').first().click();
    const welcome = page().locator('.welcome-view-content', { hasText: 'Connect to your kelviq catalog' });
    await welcome.waitFor({ state: 'visible' });
    assert.ok(await welcome.locator('.monaco-button', { hasText: 'Set API Key' }).isVisible());
  });

  it('sets the API key through the palette and lists the sandbox catalog', async () => {
    await runCommand(page(), 'Kelviq: Set API Key');
    const keyStep = { title: 'Kelviq: API Key for Custom', prompt: 'Paste a Server API key' };
    await waitForStep(page(), keyStep);
    await quickInput(page()).locator('input[type="password"]').waitFor({ state: 'visible' });
    await answerInput(page(), keyStep, world().sandbox.apiKey);
    await notification(page(), 'API key saved').waitFor({ state: 'visible' });
    const first = productsByName()[0];
    assert.ok(first);
    await treeRows(page(), 'Products').filter({ hasText: first.name }).first().waitFor({ state: 'visible' });
    await page().screenshot({ path: path.join(RESULTS, 'screenshot-explorer.jpg'), type: 'jpeg', quality: 70 });
  });

  it('opens a product, edits its name and saves it with Ctrl+S', async () => {
    const product = productsByName()[0];
    assert.ok(product);
    await treeRows(page(), 'Products').filter({ hasText: product.name }).first().click();
    const tab = editorTab(page(), `${product.identifier}.json`);
    await tab.waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines', { hasText: product.id }).first().waitFor({ state: 'visible' });
    await page().locator('.monaco-editor .view-lines').first().click();
    await replaceLine(page(), 4, '"name": "Edited In E2E",');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'visible' });
    await page().keyboard.press('Control+S');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
    assert.equal(world().sandbox.store.get(product.id)?.name, 'Edited In E2E');
    await treeRows(page(), 'Products').filter({ hasText: 'Edited In E2E' }).first().waitFor({ state: 'visible' });
  });

  it('shows read-only fields subdued and labelled, with a hover that says why', async () => {
    const product = productsByName().find((p) => p.name === 'Edited In E2E');
    assert.ok(product);
    await page().locator('.monaco-editor .view-lines', { hasText: product.id }).first().waitFor({ state: 'visible' });
    // The key of a read-only field is drawn subdued, and its line ends in a "read-only" label;
    // an editable field is neither.
    await page().waitForFunction(`(${READ_ONLY_LOOK})().subdued.includes('"identifier"')`);
    const look = (await page().evaluate(`(${READ_ONLY_LOOK})()`)) as { subdued: string[]; plain: string[]; labelled: string[] };
    assert.ok(look.plain.includes('"name"') && !look.subdued.includes('"name"'), `subdued keys: ${look.subdued.join(', ')}`);
    assert.ok(look.labelled.includes('"identifier"') && look.labelled.includes('"id"'), `labelled lines: ${look.labelled.join(', ')}`);
    assert.ok(!look.labelled.includes('"name"'), 'an editable field has no label');
    await page().locator('.monaco-editor .view-line span span', { hasText: /^"identifier"$/ }).first().hover();
    await page().locator('.monaco-hover', { hasText: 'cannot change an identifier' }).first().waitFor({ state: 'visible' });
    await page().mouse.move(0, 0);
  });

  it('restores the open product after a window reload, and it still saves', async function () {
    // A reload starts the workbench and a new extension host process; with a CPU hog on a
    // loaded 2-core machine the extension host alone took 50 s to start, the restored editor 90 s.
    const afterReload = { timeout: 180_000 };
    this.timeout(300_000);
    const product = productsByName().find((p) => p.name === 'Edited In E2E');
    assert.ok(product);
    // The window's own reload runs VS Code's shutdown, which saves the open editors.
    await Promise.all([page().waitForEvent('load', afterReload), runCommand(page(), 'Developer: Reload Window', { reloadsWindow: true })]);
    await page().locator('.monaco-workbench').waitFor({ state: 'visible', ...afterReload });
    const tab = editorTab(page(), `${product.identifier}.json`);
    await tab.waitFor({ state: 'visible', ...afterReload });
    await page().locator('.monaco-editor .view-lines', { hasText: product.id }).first().waitFor({ state: 'visible', ...afterReload });
    await page().locator('.monaco-editor .view-lines').first().click();
    await replaceLine(page(), 5, '"description": "Saved after a reload",');
    await page().keyboard.press('Control+S');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
    assert.equal(world().sandbox.store.get(product.id)?.description, 'Saved after a reload');
  });

  it('finds a product with Open Product… by typing part of its name', async () => {
    const target = productsByName()[3];
    assert.ok(target);
    await runCommand(page(), 'Kelviq: Open Product…');
    await pickItem(page(), { title: 'Kelviq: Open Product' }, target.name.split(' ')[0] ?? target.name, target.identifier);
    await editorTab(page(), `${target.identifier}.json`).waitFor({ state: 'visible' });
  });

  it('Enter in Open Product… right after typing opens what the server finds for the typed text', async () => {
    // A word only one product's description holds: the list shown before the search answered
    // (the first page) has no row that matches it on screen, so an Enter that looked at that list
    // would be lost, or open another product.
    const products = world().sandbox.store.list();
    const shownText = (p: (typeof products)[number]) => `${p.name} ${p.identifier} ${p.taxCode} ${p.id}`.toLowerCase();
    const words = (text: string) => text.toLowerCase().match(/[a-z]{6,}/g) ?? [];
    const pick = products
      .flatMap((p) => words(p.description ?? '').map((word) => ({ product: p, word })))
      .find(({ word }) => products.filter((p) => `${shownText(p)} ${p.description ?? ''}`.toLowerCase().includes(word)).length === 1);
    assert.ok(pick, 'the demo catalog has a description word no other product text holds');
    await runCommand(page(), 'Kelviq: Open Product…');
    const step = { title: 'Kelviq: Open Product' };
    await waitForStep(page(), step);
    await quickInput(page()).locator('.quick-input-list .monaco-list-row.focused').waitFor({ state: 'visible' });
    await typeIntoQuickInput(page(), pick.word);
    await quickInputBox(page()).press('Enter'); // before the debounced search has answered
    await waitForStepToClose(page(), step);
    await editorTab(page(), `${pick.product.identifier}.json`).waitFor({ state: 'visible' });
  });

  it('offers tax codes with descriptions on Ctrl+Space', async () => {
    const product = productsByName().find((p) => p.name === 'Edited In E2E');
    assert.ok(product);
    await editorTab(page(), `${product.identifier}.json`).click();
    await page().locator('.monaco-editor .view-lines', { hasText: product.id }).first().click();
    await replaceLine(page(), 6, '"taxCode": "');
    await page().keyboard.press('Control+Space');
    const suggest = page().locator('.editor-widget.suggest-widget');
    await suggest.waitFor({ state: 'visible' });
    await suggest.locator('.monaco-list-row', { hasText: 'saas_business' }).waitFor({ state: 'visible' });
    await page().screenshot({ path: path.join(RESULTS, 'screenshot-editor.jpg'), type: 'jpeg', quality: 70 });
    await page().keyboard.press('Escape');
  });

  it('refuses to save an invalid tax code, keeps the edit and lists it in Problems', async () => {
    const product = productsByName().find((p) => p.name === 'Edited In E2E');
    assert.ok(product);
    await replaceLine(page(), 6, '"taxCode": "not-a-code",');
    await page().keyboard.press('Control+S');
    await notification(page(), 'not saved').first().waitFor({ state: 'visible' });
    await page().keyboard.press('Control+Shift+M');
    await page().locator('.markers-panel .monaco-list-row', { hasText: 'taxCode' }).first().waitFor({ state: 'visible' });
    const tab = editorTab(page(), `${product.identifier}.json`);
    assert.ok(await tab.and(page().locator('.dirty')).isVisible(), 'the document stays dirty');
    assert.notEqual(world().sandbox.store.get(product.id)?.taxCode, 'not-a-code');
    await runCommand(page(), 'File: Revert File');
    await tab.and(page().locator('.dirty')).waitFor({ state: 'detached' });
  });

  it('asks Compare / Overwrite when someone else changed the same field, and Compare opens a diff', async () => {
    const product = productsByName().find((p) => p.name === 'Edited In E2E');
    assert.ok(product);
    const dialog = await saveOverConcurrentRename(product.id, 'Changed Elsewhere', 'My Conflicting Name');
    assert.match((await dialog.textContent()) ?? '', /changed on the server/);
    await dialog.locator('.monaco-button', { hasText: 'Compare' }).click();
    await page().locator('.monaco-diff-editor').first().waitFor({ state: 'visible' });
    assert.equal(world().sandbox.store.get(product.id)?.name, 'Changed Elsewhere', 'nothing was overwritten');
    await runCommand(page(), 'View: Close All Editors');
    const discard = modalDialog(page()).locator('.monaco-button', { hasText: /Don't Save/ });
    await discard.click();
  });

  it('overwrites the other change only when asked to', async () => {
    const product = productsByName().find((p) => p.name === 'Changed Elsewhere');
    assert.ok(product);
    await treeRows(page(), 'Products').filter({ hasText: product.identifier }).first().click();
    await page().locator('.monaco-editor .view-lines', { hasText: 'Changed Elsewhere' }).first().waitFor({ state: 'visible' });
    const dialog = await saveOverConcurrentRename(product.id, 'Changed Elsewhere Again', 'Mine Wins');
    await dialog.locator('.monaco-button', { hasText: 'Overwrite' }).click();
    await editorTab(page(), `${product.identifier}.json`).and(page().locator('.dirty')).waitFor({ state: 'detached' });
    assert.equal(world().sandbox.store.get(product.id)?.name, 'Mine Wins');
    await runCommand(page(), 'View: Close All Editors');
  });

  it('creates a product through the guided prompts, refusing an identifier that is not a slug', async () => {
    await runCommand(page(), 'Kelviq: Create Product…');
    await answerInput(page(), createStep(1), 'Guided Widget'); // name
    await pickItem(page(), createStep(2), 'ebook', 'ebook'); // tax code: filters the pick list, Enter takes it
    await waitForStep(page(), createStep(3)); // identifier, prefilled with a slug of the name
    await typeIntoQuickInput(page(), 'Not A Slug');
    await page().locator('.quick-input-message', { hasText: 'lowercase letters, digits and single hyphens' }).waitFor({ state: 'visible' });
    await page().keyboard.press('Enter'); // refused while invalid: still on step 3
    await answerInput(page(), createStep(3), 'guided-widget');
    await answerInput(page(), createStep(4), 'Made through the prompts'); // description
    await editorTab(page(), 'guided-widget.json').waitFor({ state: 'visible' });
    const created = productsByName().find((p) => p.identifier === 'guided-widget');
    assert.equal(created?.name, 'Guided Widget');
    assert.equal(created?.taxCode, 'ebook');
    assert.equal(created?.description, 'Made through the prompts');
    await runCommand(page(), 'View: Close All Editors');
  });

  it('archives a product from its context menu after a modal confirmation', async () => {
    const victim = productsByName().at(-1);
    assert.ok(victim);
    await runCommand(page(), 'Kelviq: Search Products');
    await answerInput(page(), { title: 'Kelviq: Search Products' }, victim.name);
    const row = treeRows(page(), 'Products').filter({ hasText: victim.name }).first();
    await row.waitFor({ state: 'visible' });
    const dialog = modalDialog(page());
    await contextMenuAction(page(), row, 'Archive Product', dialog);
    assert.match((await dialog.textContent()) ?? '', new RegExp(`Archive “${victim.name}”`));
    await dialog.locator('.monaco-button', { hasText: /^Archive$/ }).click();
    await row.waitFor({ state: 'detached' });
    assert.equal(world().sandbox.store.get(victim.id), undefined, 'archived products are gone from the catalog');
  });

  it('changes the Custom URL from Switch Environment, checking it as typed, then asks for the new server\'s key', async () => {
    const { sandbox, run } = world();
    // The same sandbox under another name: another origin, for which no key is stored yet.
    const otherUrl = sandbox.baseUrl.replace('//127.0.0.1:', '//localhost:');
    await runCommand(page(), 'Kelviq: Clear Search'); // the archive test left one
    await runCommand(page(), 'Kelviq: Switch Environment');
    await pickItem(page(), { title: 'Kelviq: Switch Environment' }, 'Change Custom URL', 'Change Custom URL');
    const urlStep = { title: 'Kelviq: Custom Environment URL' };
    await waitForStep(page(), urlStep);
    assert.equal(await quickInputBox(page()).inputValue(), sandbox.baseUrl, 'prefilled with the current URL');
    await typeIntoQuickInput(page(), otherUrl.replace('//localhost:', '//staging.example.com:'));
    await quickInput(page()).locator('.quick-input-message', { hasText: 'Plain http is allowed only for loopback hosts' }).waitFor({ state: 'visible' });
    await answerInput(page(), urlStep, otherUrl);
    await answerInput(page(), { title: 'Kelviq: API Key for Custom (localhost:' }, sandbox.apiKey);
    await notification(page(), 'API key saved for Custom (localhost:').waitFor({ state: 'visible' });
    await page().locator('.statusbar-item', { hasText: 'Kelviq: Custom (localhost:' }).first().waitFor({ state: 'visible' });
    const first = productsByName()[0];
    assert.ok(first);
    await treeRows(page(), 'Products').filter({ hasText: first.name }).first().waitFor({ state: 'visible' });
    const settings = JSON.parse(readFileSync(path.join(run.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['kelviq.customBaseUrl'], otherUrl, 'written to the user settings');
  });
});
