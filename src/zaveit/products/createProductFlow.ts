// Zaveit: Create Product…: currency → country (quick picks with English names from the runtime's
// ISO data), then a draft document prefilled from the template opens; its first save creates
// the product. Escape at any step cancels; nothing is sent before the save.
import * as vscode from 'vscode';
import { countryCodes, currencyCodes, type NamedCode } from '../../domain/isoCodes';

export interface NewProductChoice {
  currency: string;
  country: string;
}

/** Codes seen in the docs' examples first, so the common choice is one Enter away. */
const FIRST_CURRENCIES = ['NOK', 'EUR', 'USD', 'SEK', 'DKK', 'GBP'];
const FIRST_COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'DE', 'GB', 'US'];

function picks(codes: readonly NamedCode[], first: readonly string[]): Array<vscode.QuickPickItem & { code: string }> {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const head = first.map((code) => byCode.get(code)).filter((c): c is NamedCode => c !== undefined);
  const rest = codes.filter((c) => !first.includes(c.code));
  return [...head, ...rest].map((c) => ({ label: c.code, description: c.name, code: c.code }));
}

export async function askNewProduct(): Promise<NewProductChoice | undefined> {
  const currency = await vscode.window.showQuickPick(picks(currencyCodes(), FIRST_CURRENCIES), {
    title: 'Zaveit: Create Product (1/2)',
    placeHolder: 'Currency of the prices (ISO 4217)',
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!currency) return undefined;
  const country = await vscode.window.showQuickPick(picks(countryCodes(), FIRST_COUNTRIES), {
    title: 'Zaveit: Create Product (2/2)',
    placeHolder: 'Country the product is sold in (ISO 3166-1)',
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!country) return undefined;
  return { currency: currency.code, country: country.code };
}
