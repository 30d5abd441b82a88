// A person's moves on the VS Code workbench. Few DOM selectors, all here; no fixed sleeps.
//
// The quick input (palette, input box, quick pick) is one widget that every step reuses: after
// Enter, the old step can still be on screen while the extension asks for the next one. So a
// helper never types into "whatever input is visible": it waits until the widget shows the step
// it means (its title, e.g. "(4/4)", and/or its prompt), checks the text arrived, and after Enter
// waits until that step has gone (accepted) before the test moves on.
import type { Locator, Page } from 'playwright-core';

/** What the quick input shows at one step: its title and/or its prompt (the line under the box). */
export interface QuickInputStep {
  title?: string | RegExp;
  prompt?: string | RegExp;
}

/** The quick input (palette, input box, quick pick) while it is open. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The text box of the quick input. */
export function quickInputBox(page: Page): Locator {
  return quickInput(page).locator('.quick-input-box input');
}

function stepTitle(page: Page, step: QuickInputStep): Locator | undefined {
  return step.title === undefined ? undefined : quickInput(page).locator('.quick-input-title', { hasText: step.title });
}

/** Waits until the quick input shows `step` (its title and prompt both visible). */
export async function waitForStep(page: Page, step: QuickInputStep): Promise<void> {
  await quickInput(page).waitFor({ state: 'visible' });
  await stepTitle(page, step)?.waitFor({ state: 'visible' });
  if (step.prompt !== undefined) await quickInput(page).locator('.quick-input-message', { hasText: step.prompt }).waitFor({ state: 'visible' });
}

/** Waits until `step` has left the screen: its title is gone, or (a step without title) the widget closed. */
export async function waitForStepToClose(page: Page, step: QuickInputStep): Promise<void> {
  await (stepTitle(page, step) ?? quickInput(page)).waitFor({ state: 'hidden' });
}

/** Waits until the quick input's text box holds a value that satisfies `want`. */
async function waitForBoxValue(page: Page, want: { equals: string } | { startsWith: string }): Promise<void> {
  const box = await quickInputBox(page).elementHandle();
  await page.waitForFunction(({ box, want }) => ('equals' in want ? box.value === want.equals : box.value.startsWith(want.startsWith)), { box, want });
  await box.dispose();
}

/**
 * What in the workbench is inert (a modal dialog makes the rest of the workbench inert; a click or
 * a keystroke then goes nowhere). For failure messages.
 */
export async function inertElements(page: Page): Promise<string[]> {
  return page.locator('[inert]').evaluateAll((nodes) => nodes.map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`));
}

/** Replaces the text of the step already shown, and waits until the box holds exactly `text`. */
export async function typeIntoQuickInput(page: Page, text: string): Promise<void> {
  const box = quickInputBox(page);
  try {
    await box.fill(text);
  } catch (err) {
    throw new Error(`typing ${JSON.stringify(text)} into the quick input failed; inert: ${(await inertElements(page)).join(', ') || 'nothing'}; dialogs: ${await page.locator('.monaco-dialog-box').count()}`, { cause: err });
  }
  await waitForBoxValue(page, { equals: text });
}

/** Answers one input-box step: waits for it, types `text`, presses Enter, waits until it is accepted. */
export async function answerInput(page: Page, step: QuickInputStep, text: string): Promise<void> {
  await waitForStep(page, step);
  await typeIntoQuickInput(page, text);
  await quickInputBox(page).press('Enter');
  await waitForStepToClose(page, step);
}

/**
 * Answers one quick-pick step: waits for it, types `filter`, waits until the highlighted row holds
 * `row` (the list may still be filtering or be replaced by the extension), presses Enter, waits
 * until the step is accepted.
 */
export async function pickItem(page: Page, step: QuickInputStep, filter: string, row: string | RegExp): Promise<void> {
  await waitForStep(page, step);
  await typeIntoQuickInput(page, filter);
  await quickInput(page).locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).waitFor({ state: 'visible' });
  await quickInputBox(page).press('Enter');
  await waitForStepToClose(page, step);
}

/**
 * Runs a command from the palette by its title, as a person types it, and waits until the palette
 * has closed (or given way to the command's own prompt). `reloadsWindow`: the command reloads the
 * page, so there is no palette left to watch.
 */
export async function runCommand(page: Page, title: string, options: { reloadsWindow?: boolean } = {}): Promise<void> {
  await page.keyboard.press('F1');
  // F1 opens the palette with its ">" prefix; until then the box may still be a previous prompt's.
  await quickInput(page).waitFor({ state: 'visible' });
  await waitForBoxValue(page, { startsWith: '>' });
  const typed = `>${title}`;
  await typeIntoQuickInput(page, typed);
  await quickInput(page).locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ state: 'visible' });
  await quickInputBox(page).press('Enter');
  if (options.reloadsWindow) return;
  const widget = await quickInput(page).elementHandle();
  const box = await quickInputBox(page).elementHandle();
  await page.waitForFunction(({ widget, box, typed }) => !widget.checkVisibility() || box.value !== typed, { widget, box, typed });
  await Promise.all([widget.dispose(), box.dispose()]);
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
  // The Go to Line prompt is the quick input with a ':' prefix and no title.
  await quickInput(page).waitFor({ state: 'visible' });
  await waitForBoxValue(page, { startsWith: ':' });
  await typeIntoQuickInput(page, `:${line}`);
  await quickInputBox(page).press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
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
