// A person stand-in for the extension's prompts (the Prompts interface the connection commands,
// the plan commands, Create Feature…, the upload commands and Download File ask through; tests put it in front with `api.prompts.answerWith`). It picks from
// a quick pick by label, and answers each input box in VS Code's own input box (showInputBox with
// the answer as its value, then VS Code's own accept or close command, which reach the workbench
// after the box), so VS Code runs the box's validation: an answer the box refuses is not accepted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Prompts } from '../../src/kelviq/connection/prompts';

export type Answer = { pick: string } | { pickMany: string[] } | { type: string } | { files: vscode.Uri[] } | { saveTo: vscode.Uri } | 'escape';

export class PromptAnswers implements Prompts {
  readonly picks: vscode.QuickPickItem[][] = [];
  readonly inputs: vscode.InputBoxOptions[] = [];
  /** The title of every prompt shown, in order. */
  readonly titles: string[] = [];

  constructor(private readonly answers: Answer[]) {}

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.picks.push([...items]);
    const answer = this.next(options.title);
    if (answer === 'escape') return undefined;
    assert.ok('pick' in answer, `"${options.title}" is a quick pick, but the answer is ${JSON.stringify(answer)}`);
    const item = items.find((i) => i.label === answer.pick) ?? items.find((i) => i.label.includes(answer.pick));
    assert.ok(item, `"${options.title}" offers "${answer.pick}" (it offers ${items.map((i) => i.label).join(', ')})`);
    return item;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    this.picks.push([...items]);
    const answer = this.next(options.title);
    if (answer === 'escape') return undefined;
    assert.ok('pickMany' in answer, `"${options.title}" is a multi-select pick, but the answer is ${JSON.stringify(answer)}`);
    return items.filter((i) => answer.pickMany.some((label) => i.label.includes(label)));
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.inputs.push(options);
    const answer = this.next(options.title);
    assert.ok(answer === 'escape' || 'type' in answer, `"${options.title}" is an input box, but the answer is ${JSON.stringify(answer)}`);
    const shown = vscode.window.showInputBox({ ...options, value: answer === 'escape' ? options.value : answer.type });
    await vscode.commands.executeCommand(answer === 'escape' ? 'workbench.action.closeQuickOpen' : 'workbench.action.acceptSelectedQuickOpenItem');
    return shown;
  }

  readonly dialogs: vscode.OpenDialogOptions[] = [];

  async openFiles(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    this.dialogs.push(options);
    const answer = this.next(options.title);
    if (answer === 'escape') return undefined;
    assert.ok('files' in answer, `"${options.title}" is an open dialog, but the answer is ${JSON.stringify(answer)}`);
    return answer.files;
  }

  readonly saveDialogs: vscode.SaveDialogOptions[] = [];

  async saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    this.saveDialogs.push(options);
    const answer = this.next(options.title);
    if (answer === 'escape') return undefined;
    assert.ok('saveTo' in answer, `"${options.title}" is a save dialog, but the answer is ${JSON.stringify(answer)}`);
    return answer.saveTo;
  }

  /** Every answer was asked for, and nothing more. */
  allUsed(): void {
    assert.deepEqual(this.answers, [], 'answers left over: a prompt was not shown');
  }

  private next(title: string | undefined): Answer {
    this.titles.push(title ?? '');
    const answer = this.answers.shift();
    assert.ok(answer, `no answer left for "${title}"`);
    return answer;
  }
}

/** What an input box's validation says about `value` (undefined: accepted). */
export async function validation(options: vscode.InputBoxOptions | undefined, value: string): Promise<string | undefined> {
  assert.ok(options?.validateInput, 'the box validates as you type');
  const result = await options.validateInput(value);
  return typeof result === 'string' ? result : (result?.message ?? undefined);
}
