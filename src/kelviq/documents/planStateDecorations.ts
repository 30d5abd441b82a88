// The draft/published state of plan documents at a glance: a badge on the tab (and on any tree
// row whose resourceUri is the plan's document URI). "D": the newest version is a draft, nothing
// of it is live until published. The state comes from each read and save of the plan.
import * as vscode from 'vscode';
import type { PlanState } from '../../domain/kelviq/plan';
import type { PlanAddress } from '../../domain/kelviq/planUri';
import { planAddressOrUndefined } from './planUris';

const key = (address: PlanAddress): string => `${address.environment}/${address.identifier}`;

export class PlanStateDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly states = new Map<string, PlanState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;

  note(address: PlanAddress, state: PlanState): void {
    if (this.states.get(key(address)) === state) return;
    this.states.set(key(address), state);
    this.changed.fire(undefined); // every URI of the plan, whatever its label
  }

  stateOf(address: PlanAddress): PlanState | undefined {
    return this.states.get(key(address));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const address = planAddressOrUndefined(uri);
    const state = address && this.states.get(key(address));
    if (!state || state === 'published') return undefined;
    const decoration = new vscode.FileDecoration(
      'D',
      state === 'draft' ? 'Draft: never published, not live' : 'Draft pending: these changes are not live until the plan is published',
      new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'),
    );
    return decoration;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
