// Plan files in the Products view: a plan row with files expands into them (PlanNode.childNodes,
// planFileTreeItems.ts), Add File… (a plan row or a file row, the plan document's title bar, the
// palette) and Download File (a file row). Renaming, reordering, disabling and removing a file
// happen in the plan document.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import { showError } from '../../logging';
import { addPlanFiles, type AddPlanFilesOutcome, type PlanFileDeps, type PlanFileTarget } from './addPlanFileFlow';
import { downloadPlanFile } from './downloadPlanFileFlow';
import { PlanFileNode } from './planFileTreeItems';

export function registerPlanFiles(context: vscode.ExtensionContext, deps: PlanFileDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.addPlanFile.id, (target?: PlanFileTarget, files?: readonly vscode.Uri[]): Promise<AddPlanFilesOutcome | undefined> =>
      addPlanFiles(deps, target, Array.isArray(files) ? files : undefined).catch(async (err: unknown) => {
        await showError(deps.log, 'Could not add the file', err);
        return undefined;
      }),
    ),
    vscode.commands.registerCommand(COMMANDS.downloadPlanFile.id, async (node?: PlanFileNode): Promise<vscode.Uri | undefined> => {
      if (!(node instanceof PlanFileNode)) return undefined;
      try {
        return await downloadPlanFile(deps, node);
      } catch (err) {
        await showError(deps.log, 'Could not download the file', err);
        return undefined;
      }
    }),
  );
}
