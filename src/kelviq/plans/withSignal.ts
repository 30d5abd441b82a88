// A CancellationToken (a progress notification's Cancel) as the AbortSignal the API client takes.
import type * as vscode from 'vscode';

export async function withSignal<T>(token: vscode.CancellationToken, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    return await task(abort.signal);
  } finally {
    sub.dispose();
  }
}
