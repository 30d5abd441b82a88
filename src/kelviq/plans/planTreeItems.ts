// The rows under a product: one per plan (contextValue by state, so the menus offer Publish and
// Discard only where there is a draft), and a note row ("no plans yet", or why they could not be
// read). A plan row's tooltip is built when VS Code asks for it (PlanChildren.resolve), with the
// prices read then. A plan with files expands into its file rows (src/kelviq/planFiles).
import * as vscode from 'vscode';
import type { CatalogPlan } from '../../api';
import { COMMANDS } from '../../commandTable';
import type { EnvironmentId } from '../../domain/environment';
import type { ProductChildNode, ProductNode } from '../products/productTreeItems';
import { planFileNodes } from '../planFiles/planFileTreeItems';
import { planRowState, planRowTexts } from './planRowTexts';

const ICONS = { published: 'pass', draft: 'edit', publishedWithDraft: 'git-pull-request-draft' } as const;

export class PlanNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue: string;

  constructor(
    readonly plan: CatalogPlan,
    readonly environment: EnvironmentId,
    readonly parentNode: ProductNode,
  ) {
    const texts = planRowTexts(plan);
    super(texts.label, (plan.files?.length ?? 0) > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const state = planRowState(plan);
    this.contextValue = `kelviq.plan.${state}`;
    this.id = `${environment}:${parentNode.product.id}:plan:${plan.identifier}`;
    this.description = texts.description;
    this.iconPath = new vscode.ThemeIcon(ICONS[state]);
    this.accessibilityInformation = { label: texts.accessibility };
    this.command = { command: COMMANDS.openPlan.id, title: 'Open Plan', arguments: [this] };
  }

  /** The plan's files (of the version the row shows), by ordering. */
  childNodes(): Promise<ProductChildNode[]> {
    return Promise.resolve(planFileNodes(this));
  }
}

export class PlanNoteNode extends vscode.TreeItem implements ProductChildNode {
  override readonly contextValue = 'kelviq.planNote';

  constructor(
    text: string,
    readonly parentNode: ProductNode,
    kind: 'info' | 'error',
  ) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentNode.id ?? ''}:plans-note`;
    this.iconPath = new vscode.ThemeIcon(kind === 'error' ? 'warning' : 'info');
  }
}

/** Markdown built from catalog data: no command links, no HTML, no theme icons. */
export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
