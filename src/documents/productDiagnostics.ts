// Diagnostics for open product documents, recomputed on every change (the pure validator is
// fast: see docs/PERFORMANCE.md), plus the server's field errors from the last failed save.
// Quick fixes: revert an edited read-only field; rename an unknown field to the suggested one.
import * as vscode from 'vscode';
import { core } from '../coreLoader';
import type { DocumentProblem } from '../domain/kelviq/product';
import type { ProductDocumentStates } from './productDocumentState';
import { isProductDocument } from './productUris';

export class ProductDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('kelviq');
  private readonly problems = new Map<string, DocumentProblem[]>();

  constructor(private readonly states: ProductDocumentStates) {}

  update(document: vscode.TextDocument): void {
    if (!isProductDocument(document.uri)) return;
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (!state) return;
    const text = document.getText();
    // VS Code's JSON language service already reports syntax errors on this document; showing
    // ours too would double them. They still block the save (saveProduct validates again).
    const problems = [...core().validateProductDocument(text, state.base), ...state.serverProblems].filter((p) => p.code !== 'invalid-json');
    this.problems.set(key, problems);
    this.collection.set(document.uri, problems.map((p) => toDiagnostic(document, p)));
  }

  /** The user typed: the last save's server errors may no longer apply. */
  changed(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (state && state.serverProblems.length > 0) state.serverProblems = [];
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
      if (p.code === 'read-only' && p.field) {
        const action = new vscode.CodeAction(`Revert \`${p.field}\` to the server's value`, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        edit.replace(document.uri, all, core().revertReadOnlyProblem(document.getText(), p));
        action.edit = edit;
        action.isPreferred = true;
        action.diagnostics = [toDiagnostic(document, p)];
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

  dispose(): void {
    this.collection.dispose();
  }
}

function rangeOf(document: vscode.TextDocument, p: DocumentProblem): vscode.Range {
  return new vscode.Range(document.positionAt(p.offset), document.positionAt(p.offset + p.length));
}

function toDiagnostic(document: vscode.TextDocument, p: DocumentProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    rangeOf(document, p),
    p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'kelviq';
  d.code = p.code;
  return d;
}

