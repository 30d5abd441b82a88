// Read-only fields look read-only before anyone edits one: in every catalog document, each
// property its kind calls read-only (DocumentModel.readOnlyNote) is shown subdued, its key has a
// hover saying why and where it can be changed, and a "read-only" label ends its first line.
// The notes are the kinds' own texts; the keys they describe may come from the server, so the
// hover is plain text (appendText), never markup or links.
import * as vscode from 'vscode';
import { readOnlyRanges } from '../domain/document';
import { core } from '../coreLoader';
import type { DocumentEntries } from './documentEntries';

/** Recompute at most this often while typing. */
const DEBOUNCE_MS = 150;

export class ReadOnlyDecorations implements vscode.Disposable {
  private readonly subdued = vscode.window.createTextEditorDecorationType({ opacity: '0.6', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
  private readonly label = vscode.window.createTextEditorDecorationType({
    after: { contentText: 'read-only', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 1.5em' },
  });
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly entries: DocumentEntries,
    private readonly ours: (uri: vscode.Uri) => boolean,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.ours(e.document.uri) && e.contentChanges.length > 0) this.later(e.document);
      }),
    ];
  }

  /** Decorates every visible editor of this document (e.g. once its text is loaded). */
  refresh(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.decorate(editor);
  }

  refreshVisible(): void {
    vscode.window.visibleTextEditors.forEach((e) => this.decorate(e));
  }

  private later(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!document.isClosed) this.refresh(document);
      }, DEBOUNCE_MS),
    );
  }

  private decorate(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (!this.ours(document.uri)) return;
    const entry = this.entries.get(document.uri);
    if (!entry) return;
    const ranges = readOnlyRanges(core().parseJsoncTree(document.getText(), [], { disallowComments: true }), entry.kind.model);
    const subdued: vscode.DecorationOptions[] = [];
    const labels: vscode.Range[] = [];
    let lastLabelLine = -1;
    for (const r of ranges) {
      const key = new vscode.Range(document.positionAt(r.keyOffset), document.positionAt(r.keyOffset + r.keyLength));
      const hover = new vscode.MarkdownString().appendText(r.note);
      subdued.push({ range: key, hoverMessage: hover });
      const rest = new vscode.Range(key.end, document.positionAt(r.offset + r.length));
      if (!rest.isEmpty) subdued.push({ range: rest });
      // One label per line, at its end (a minified document puts many fields on one line).
      const line = key.start.line;
      if (line !== lastLabelLine) {
        const end = document.lineAt(line).range.end;
        labels.push(new vscode.Range(end, end));
        lastLabelLine = line;
      }
    }
    editor.setDecorations(this.subdued, subdued);
    editor.setDecorations(this.label, labels);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.subdued.dispose();
    this.label.dispose();
  }
}
