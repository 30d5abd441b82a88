// The quick picks, input boxes and file dialogs of the commands, behind one small interface. In use
// they are VS Code's own (`windowPrompts`). The extension-host tests, which cannot type into a
// real input box, put their own in front through the extension's API, in ExtensionMode.Test only.
import * as vscode from 'vscode';

export interface Prompts {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A quick pick where any number of items may be chosen; undefined when escaped. */
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** VS Code's open dialog; undefined when closed without a choice. */
  openFiles(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined>;
  /** VS Code's save dialog (it asks before replacing a file); undefined when closed without a choice. */
  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
}

export const windowPrompts: Prompts = {
  pick: async (items, options) => vscode.window.showQuickPick(items, options),
  pickMany: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  input: async (options) => vscode.window.showInputBox(options),
  openFiles: async (options) => vscode.window.showOpenDialog(options),
  saveFile: async (options) => vscode.window.showSaveDialog(options),
};

/** VS Code's prompts, unless a test has put its own in front of them with `answerWith`. */
export class SwitchablePrompts implements Prompts {
  private override: Prompts | undefined;

  answerWith(prompts: Prompts | undefined): void {
    this.override = prompts;
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    return (this.override ?? windowPrompts).pick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    return (this.override ?? windowPrompts).pickMany(items, options);
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return (this.override ?? windowPrompts).input(options);
  }

  openFiles(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    return (this.override ?? windowPrompts).openFiles(options);
  }

  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    return (this.override ?? windowPrompts).saveFile(options);
  }
}
