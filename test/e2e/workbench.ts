// A person's moves on the VS Code workbench. Few DOM selectors, all here; no fixed sleeps.
import type { Locator, Page } from 'playwright-core';

/** Runs a command from the palette by its title, as a person types it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await input.press('Enter');
}

/** The quick input (palette, input box, quick pick) while it is open. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

export async function answerInput(page: Page, text: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
}

export function treeRows(page: Page, viewTitle: string): Locator {
  return page.locator(`.pane:has(.pane-header[aria-label*="${viewTitle}"]) .monaco-list-row`);
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text });
}

export function editorTab(page: Page, fileName: string): Locator {
  return page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`);
}

/** Puts the cursor on a 1-based line of the active editor (Ctrl+G) and selects that line's text. */
export async function selectLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await answerInput(page, `:${line}`); // the Go to Line prompt is the quick input with a ':' prefix
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
}

/** Replaces a whole line of the active editor, as typed text (no auto-closing quotes). */
export async function replaceLine(page: Page, line: number, text: string): Promise<void> {
  await selectLine(page, line);
  await page.keyboard.insertText(text);
}

export function modalDialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

/**
 * Right-clicks `row` and picks `item` from its context menu, until `expected` appears. A menu
 * that is still settling can swallow the first click, so this retries a bounded number of times.
 */
export async function contextMenuAction(page: Page, row: Locator, item: string, expected: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    // VS Code's menus act on mouse-up with press-drag-release handling that a synthetic click can
    // miss; hovering highlights the item and Enter runs it, as a keyboard user would.
    await page.locator('.context-view .action-label', { hasText: item }).hover();
    await page.keyboard.press('Enter');
    try {
      await expected.waitFor({ state: 'visible', timeout: 5000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}
