// A row of the Features tree. It knows the environment it was listed from: Open and Archive on
// it act there. Texts come from featureTexts.ts (plain text; the tooltip a plain string).
import * as vscode from 'vscode';
import type { CatalogFeature } from '../../api';
import { COMMANDS } from '../../commandTable';
import type { EnvironmentId } from '../../domain/environment';
import { featureRowTexts, featureTooltipText } from './featureTexts';

const ICONS: Readonly<Record<string, string>> = { BOOLEAN: 'symbol-boolean', CUSTOMIZABLE: 'symbol-number', METER: 'pulse' };

export class FeatureNode extends vscode.TreeItem {
  override readonly contextValue = 'kelviq.feature';

  constructor(
    readonly feature: CatalogFeature,
    readonly environment: EnvironmentId,
  ) {
    const texts = featureRowTexts(feature);
    super(texts.label, vscode.TreeItemCollapsibleState.None);
    this.id = `${environment}:feature:${feature.id}`; // stable: keeps the selection across refreshes
    this.description = texts.description;
    this.tooltip = featureTooltipText(feature);
    this.iconPath = new vscode.ThemeIcon(Object.hasOwn(ICONS, feature.featureType) ? (ICONS[feature.featureType] as string) : 'symbol-misc');
    this.command = { command: COMMANDS.openFeature.id, title: 'Open Feature', arguments: [this] };
    this.accessibilityInformation = { label: texts.accessibility };
  }
}
