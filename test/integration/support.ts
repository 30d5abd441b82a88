// Shared helpers of the extension-host suites: the extension's API, the sandbox's test hooks
// (over real HTTP), and polling that waits for a condition instead of sleeping a fixed time.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { KelviqExtensionApi } from '../../src/extension';

// Keys, the sandboxes' control tokens and the Zaveit tokens come from a file the runner wrote,
// never through the workbench URL (which a browser keeps).
const keys = JSON.parse(readFileSync(required('KELVIQ_TEST_KEYS_FILE'), 'utf8')) as {
  apiKey: string;
  otherKey: string;
  controlToken: string;
  zaveit?: { token: string; otherToken: string; expiredToken: string; expiringToken: string };
  zaveitControlToken?: string;
};
export const sandboxOrigin = required('KELVIQ_TEST_SANDBOX_ORIGIN');
export const apiKey = keys.apiKey;
export const otherKey = keys.otherKey;
export const baseUrl = `${sandboxOrigin}/api/v1`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through test/integration/runWeb.ts or runElectron.ts`);
  return value;
}

export async function extensionApi(): Promise<KelviqExtensionApi> {
  const ext = vscode.extensions.getExtension<KelviqExtensionApi>('kelviq-catalog.kelviq-catalog');
  assert.ok(ext, 'the extension is installed');
  return ext.activate();
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface JournalEntry {
  method: string;
  path: string;
  body: unknown;
  status: number;
  headers: Record<string, string>;
}

/** A request to one of a sandbox's control routes (`/__sandbox/…`), with that sandbox's token for this run. */
function controlRequest(origin: string, token: string, route: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}/__sandbox/${route}`, {
    method,
    headers: { 'x-sandbox-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The kelviq sandbox's control routes. */
function hook(route: string, method = 'GET', body?: unknown): Promise<Response> {
  return controlRequest(sandboxOrigin, keys.controlToken, route, method, body);
}

export const sandbox = {
  async api<T = unknown>(method: string, path: string, body?: unknown, key = apiKey): Promise<{ status: number; json: T }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
  },
  async journal(): Promise<JournalEntry[]> {
    const res = await hook('journal');
    assert.equal(res.status, 200, `journal: ${res.status}`);
    return res.json() as Promise<JournalEntry[]>;
  },
  async clearJournal(): Promise<void> {
    assert.equal((await hook('journal', 'DELETE')).status, 204);
  },
  async fault(rule: Record<string, unknown>): Promise<void> {
    const res = await hook('faults', 'POST', rule);
    assert.equal(res.status, 201, `fault rule accepted: ${await res.text()}`);
  },
  async clearFaults(): Promise<void> {
    assert.equal((await hook('faults', 'DELETE')).status, 204);
  },
  async reset(): Promise<void> {
    assert.equal((await hook('reset', 'POST')).status, 200);
  },
  /** Sets control switches, e.g. `{ billingProvider: 'disconnected' }` (see sandbox/switches.ts). */
  async switches(values: Record<string, unknown>): Promise<void> {
    const res = await hook('switches', 'POST', values);
    assert.equal(res.status, 200, `switches accepted: ${await res.text()}`);
  },
};

export async function setKey(key = apiKey): Promise<void> {
  const ok = await vscode.commands.executeCommand<boolean>('kelviq.setApiKey', { apiKey: key });
  assert.equal(ok, true, 'the key was accepted and stored');
}

export async function productLabels(api: KelviqExtensionApi): Promise<string[]> {
  const nodes = await api.products.getChildren();
  return nodes.map((n) => String(typeof n.label === 'object' ? n.label.label : n.label));
}

// ── Zaveit ───────────────────────────────────────────────────────────────────────────────────

/** The Zaveit sandbox's origin (also its base URL) and tokens: a colleague's, an expired one, one in its last day. */
export const zaveitOrigin = required('KELVIQ_TEST_ZAVEIT_ORIGIN');
export const zaveitTokens = keys.zaveit ?? (() => { throw new Error('the keys file has no Zaveit tokens'); })();
const zaveitControlToken = keys.zaveitControlToken ?? (() => { throw new Error('the keys file has no Zaveit control token'); })();

/** The Zaveit sandbox's control routes. */
function zaveitHook(route: string, method = 'GET', body?: unknown): Promise<Response> {
  return controlRequest(zaveitOrigin, zaveitControlToken, route, method, body);
}

export const zaveitSandbox = {
  async api<T = unknown>(method: string, path: string, body?: unknown, token = zaveitTokens.otherToken): Promise<{ status: number; json: T }> {
    const res = await fetch(`${zaveitOrigin}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
  },
  async journal(): Promise<JournalEntry[]> {
    const res = await zaveitHook('journal');
    assert.equal(res.status, 200, `Zaveit journal: ${res.status}`);
    return res.json() as Promise<JournalEntry[]>;
  },
  async clearJournal(): Promise<void> {
    assert.equal((await zaveitHook('journal', 'DELETE')).status, 204);
  },
  async switches(values: Record<string, unknown>): Promise<void> {
    const res = await zaveitHook('switches', 'POST', values);
    assert.equal(res.status, 200, `switches accepted: ${await res.text()}`);
  },
  async fault(rule: Record<string, unknown>): Promise<void> {
    const res = await zaveitHook('faults', 'POST', rule);
    assert.equal(res.status, 201, `fault rule accepted: ${await res.text()}`);
  },
  async clearFaults(): Promise<void> {
    assert.equal((await zaveitHook('faults', 'DELETE')).status, 204);
  },
  /** The seed catalog and the default switches again. */
  async reset(): Promise<void> {
    assert.equal((await zaveitHook('reset', 'POST')).status, 200);
  },
};

/** Connects the extension to the Zaveit sandbox with `token` (the base URL is written to user settings). */
export async function setZaveitToken(token = zaveitTokens.token): Promise<boolean> {
  return (await vscode.commands.executeCommand<boolean>('zaveit.setToken', { baseUrl: zaveitOrigin, token })) === true;
}

/** Replaces the first occurrence of `from` in the document (as a person typing would). */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" is in the document:\n${doc.getText()}\n(dirty: ${doc.isDirty}, closed: ${doc.isClosed})`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Replaces the whole text with `mutate(parsed)` written back as JSON, as a person pasting it would (one undoable edit). */
export async function editJson<T>(doc: vscode.TextDocument, mutate: (object: T) => void): Promise<void> {
  const object = JSON.parse(doc.getText()) as T;
  mutate(object);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), `${JSON.stringify(object, null, 2)}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** After a test: every dirty catalog document reverted (its text is the test's, not kept), then every editor closed. */
export async function closeEditorsDiscarding(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'kelviq' && d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export interface ShownWarning {
  message: string;
  detail?: string;
  items: string[];
}

/**
 * Runs `task` while the extension's warning dialogs are answered by `answer` (which may take its
 * time, as a person does while the dialog is open); returns what they showed. A modal dialog
 * cannot be clicked from the extension host, so the one VS Code function that shows it is
 * replaced for the duration of `task`.
 */
export async function answeringWarnings<T>(
  answer: (shown: ShownWarning) => string | undefined | Promise<string | undefined>,
  task: () => Thenable<T> | Promise<T>,
): Promise<{ result: T; shown: ShownWarning[] }> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const shown: ShownWarning[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in (rest[0] as object)) ? (rest.shift() as { detail?: string }) : undefined;
    const entry: ShownWarning = { message: String(message), items: rest.map(String), ...(options?.detail ? { detail: options.detail } : {}) };
    shown.push(entry);
    return Promise.resolve(answer(entry));
  };
  try {
    return { result: await task(), shown };
  } finally {
    window.showWarningMessage = original;
  }
}
