// Create Product…: name → tax code → identifier (optional slug) → description (optional).
// Escape at any step cancels; nothing is sent until the last step.
import * as vscode from 'vscode';
import { IDENTIFIER_PATTERN, TAX_CODES, type TaxCode } from '../../api/kelviq/catalogConstants';
import type { ProductCreate } from '../../api';
import { slugify } from '../../domain/catalog';

export async function askNewProduct(): Promise<ProductCreate | undefined> {
  const title = (step: number) => `Kelviq: Create Product (${step}/4)`;
  const name = await vscode.window.showInputBox({
    title: title(1),
    prompt: 'Product name, as customers will see it',
    placeHolder: 'e.g. Pro Suite',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A product needs a name.' : v.length > 255 ? 'At most 255 characters.' : undefined),
  });
  if (name === undefined) return undefined;

  const taxPick = await vscode.window.showQuickPick(
    (Object.entries(TAX_CODES) as Array<[TaxCode, string]>).map(([code, description]) => ({ label: code, detail: description, code })),
    { title: title(2), placeHolder: 'Tax code: how this product is taxed', matchOnDetail: true, ignoreFocusOut: true },
  );
  if (!taxPick) return undefined;

  const suggested = slugify(name);
  const identifier = await vscode.window.showInputBox({
    title: title(3),
    prompt: 'Identifier (a URL-safe slug; it cannot be changed later). Leave empty to let kelviq generate it.',
    value: suggested,
    placeHolder: suggested,
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.trim() === '' || IDENTIFIER_PATTERN.test(v.trim()) ? undefined : 'Use lowercase letters, digits and single hyphens, e.g. pro-suite.',
  });
  if (identifier === undefined) return undefined;

  const description = await vscode.window.showInputBox({
    title: title(4),
    prompt: 'Description (optional)',
    ignoreFocusOut: true,
  });
  if (description === undefined) return undefined;

  return {
    name: name.trim(),
    taxCode: taxPick.code,
    ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
    ...(description.trim() ? { description: description.trim() } : {}),
  };
}
