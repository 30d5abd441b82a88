// Completion in plan documents of the features this environment has: an entitlement's `feature`
// offers their identifiers, a charge's `feature` their UUIDs, each with the feature's name and
// type beside it (plain text). The features are the ones the plan's last read listed.
import * as vscode from 'vscode';
import { core } from '../../coreLoader';
import { parsePlanPath } from '../../domain/kelviq/planUri';
import { plainText } from '../../domain/untrustedText';
import type { KnownFeatures } from './knownFeatures';

export class FeatureCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly features: KnownFeatures) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const address = parsePlanPath(document.uri.path);
    if (!address) return [];
    const known = this.features.all(address.environment);
    const answer = core().featureCompletionAt(document.getText(), document.offsetAt(position), known);
    if (!answer) return [];
    const range = new vscode.Range(document.positionAt(answer.replace.offset), document.positionAt(answer.replace.offset + answer.replace.length));
    return answer.items.map((item, i) => {
      const completion = new vscode.CompletionItem({ label: plainText(item.label, 200), description: plainText(item.detail, 120) }, vscode.CompletionItemKind.Value);
      completion.insertText = item.insert;
      completion.filterText = item.insert;
      completion.range = range;
      completion.sortText = String(i).padStart(5, '0');
      return completion;
    });
  }
}
