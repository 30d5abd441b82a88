// A plan's files as rows under its plan row (PlanNode.childNodes), by ordering. No request: the
// plan list carries each plan's files (of its newest version), and the plan row is rebuilt after
// every write of ours. Download File acts on a row.
import * as vscode from 'vscode';
import type { PlanFile } from '../../api';
import type { ProductChildNode } from '../products/productTreeItems';
import type { PlanNode } from '../plans/planTreeItems';
import { planFileRowTexts } from './planFileTexts';

export class PlanFileNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue = 'kelviq.planFile';

  constructor(
    readonly file: PlanFile,
    readonly parentNode: PlanNode,
  ) {
    const texts = planFileRowTexts(file);
    super(texts.label, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentNode.id ?? ''}:file:${file.id}`;
    this.description = texts.description;
    this.tooltip = texts.tooltip; // a plain string: never rendered as markdown
    this.iconPath = new vscode.ThemeIcon(file.enabled === false ? 'circle-slash' : 'file');
  }

  get plan(): PlanNode {
    return this.parentNode;
  }
}

/** The file rows of a plan row, by ordering (files without one last, in the order given). */
export function planFileNodes(planNode: PlanNode): PlanFileNode[] {
  const files = [...(planNode.plan.files ?? [])].sort((a, b) => (a.ordering ?? Number.MAX_SAFE_INTEGER) - (b.ordering ?? Number.MAX_SAFE_INTEGER));
  return files.map((file) => new PlanFileNode(file, planNode));
}
