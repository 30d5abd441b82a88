// Read-only documents of plan versions for the comparison Publish Plan… opens (a diff editor of
// the published version and the draft, each as the plan document's text). A content provider's
// documents cannot be edited or saved; each comparison gets fresh URIs, and only the last few
// texts are kept.
import * as vscode from 'vscode';
import type { EnvironmentId } from '../../domain/environment';
import { documentLabel } from '../../domain/kelviq/productUri';

export const PLAN_VERSION_SCHEME = 'kelviq-plan-version';
const KEPT = 16;

export class PlanVersionDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  /** `kelviq-plan-version:/<env>/<identifier>/<what>/<identifier>.json?<n>` holding `text`. */
  put(environment: EnvironmentId, identifier: string, what: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: PLAN_VERSION_SCHEME,
      path: `/${environment}/${identifier}/${documentLabel(what)}/${documentLabel(identifier)}.json`,
      query: String(++this.counter),
    });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > KEPT) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
