// Diagnostics for open catalog documents, recomputed on every change (the validators are fast:
// see docs/PERFORMANCE.md), plus the server's field errors from the last failed save and a note
// when the server has a newer version than an unsaved text. Quick fixes: revert an edited
// read-only field; rename an unknown field to the suggested one.
import * as vscode from 'vscode';
import { plainText } from '../domain/untrustedText';
import type { DocumentProblem, JsonObject } from '../domain/document';
import type { DocumentEntries, DocumentEntry } from './documentEntries';
import { textProblems } from './documentText';

export class DocumentDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection: vscode.DiagnosticCollection;
  private readonly problems = new Map<string, DocumentProblem[]>();

  /** `source`: the backend's name on each diagnostic (`kelviq`, `zaveit`). */
  constructor(
    private readonly entries: DocumentEntries,
    private readonly source: string,
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(source);
  }

  update(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri);
    if (!entry || !entry.base) return;
    const text = document.getText();
    // VS Code's JSON language service already reports syntax errors on this document; showing
    // ours too would double them. They still block the save (the saver validates again).
    const problems = textProblems(entry, text).filter((p) => p.code !== 'invalid-json');
    this.problems.set(document.uri.toString(), problems);
    const diagnostics = problems.map((p) => this.toDiagnostic(document, p));
    if (entry.newer) diagnostics.unshift(this.newerNotice(document, entry, entry.newer));
    if (entry.partlySaved) diagnostics.unshift(this.partlySavedNotice(document, entry.partlySaved));
    this.collection.set(document.uri, diagnostics);
  }

  /** The user typed: the last save's server errors may no longer apply. */
  changed(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri);
    if (entry && entry.serverProblems.length > 0) entry.serverProblems = [];
    this.update(document);
  }

  forget(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.problems.delete(uri.toString());
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const problems = this.problems.get(document.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const p of problems) {
      const pRange = rangeOf(document, p);
      if (!pRange.intersection(range)) continue;
      const entry = this.entries.get(document.uri);
      const reverted = entry && p.field && (p.code === 'read-only' || p.data?.originals) ? entry.kind.model.revert(document.getText(), p) : undefined;
      if (reverted !== undefined && reverted !== document.getText()) {
        const action = new vscode.CodeAction(`Revert \`${p.field}\` to the server's value`, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        edit.replace(document.uri, all, reverted);
        action.edit = edit;
        action.isPreferred = true;
        action.diagnostics = [this.toDiagnostic(document, p)];
        actions.push(action);
      }
      if (p.code === 'unknown-field' && p.data?.suggestion) {
        const action = new vscode.CodeAction(`Rename to \`${p.data.suggestion}\``, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, pRange, JSON.stringify(p.data.suggestion));
        action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  }

  private newerNotice(document: vscode.TextDocument, entry: DocumentEntry, newer: JsonObject): vscode.Diagnostic {
    const when = entry.kind.model.modifiedAt(newer);
    const at = when > 0 ? ` (changed ${new Date(when).toISOString().replace('T', ' ').slice(0, 19)} UTC)` : '';
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, Math.min(1, document.lineAt(0).text.length)),
      `The server has a newer version of this ${entry.kind.model.noun}${at}. Your unsaved changes are kept; saving merges them with it and asks where both changed the same value.`,
      vscode.DiagnosticSeverity.Information,
    );
    d.source = this.source;
    d.code = 'newer-on-server';
    return d;
  }

  /** Plain text: the kind's message names what landed and what did not (untrusted names quoted). */
  private partlySavedNotice(document: vscode.TextDocument, message: string): vscode.Diagnostic {
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, Math.min(1, document.lineAt(0).text.length)),
      `Partly saved. ${plainText(message, 600)}`,
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = this.source;
    d.code = 'partly-saved';
    return d;
  }

  private toDiagnostic(document: vscode.TextDocument, p: DocumentProblem): vscode.Diagnostic {
    const d = new vscode.Diagnostic(
      rangeOf(document, p),
      p.message,
      p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    d.source = this.source;
    d.code = p.code;
    return d;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function rangeOf(document: vscode.TextDocument, p: DocumentProblem): vscode.Range {
  return new vscode.Range(document.positionAt(p.offset), document.positionAt(p.offset + p.length));
}
