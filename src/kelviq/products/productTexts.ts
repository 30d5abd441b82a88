// Every text about a product that the Products feature shows outside the tree rows: the archive
// dialog, notifications, progress titles, production-guard actions and Open Product… items.
// Product names, identifiers and tax codes are catalog data anyone with access to a shared
// catalog can set, so each goes through src/domain/untrustedText. Pure (no vscode): unit-tested.
import type { Product } from '../../api';
import { oneLine, plainText, quoted } from '../../domain/untrustedText';

/** What the texts need of a product (a Product, or what the user typed into Create Product…). */
export interface NamedProduct {
  name: string;
  identifier?: string;
}

/** What the texts need of an environment. */
export interface NamedEnvironment {
  label: string;
  baseUrl: string;
}

export function archiveConfirmation(product: NamedProduct, environment: NamedEnvironment): { message: string; detail: string } {
  const identifier = product.identifier ? ` (${plainText(product.identifier, 60)})` : '';
  return {
    message: `Archive ${quoted(product.name)}${identifier} in ${environment.label}?`,
    detail: `In ${environment.label} (${environment.baseUrl}). Archived products disappear from the catalog. Archiving cannot be undone through the kelviq API.`,
  };
}

export function archivedNotice(product: NamedProduct): string {
  return `Kelviq: archived ${quoted(product.name)}.`;
}

/** The production guard's action for an archive: "Archive “name”". */
export function archiveAction(product: NamedProduct): string {
  return `Archive ${quoted(product.name)}`;
}

export function createAction(product: NamedProduct): string {
  return `Create product ${quoted(product.name)}`;
}

export function creatingTitle(product: NamedProduct): string {
  return `Kelviq: creating ${quoted(product.name)}…`;
}

/** An Open Product… item: quick picks render `$(icon)` and their messages links, so all plain text. */
export function productPickTexts(product: Product): { label: string; description: string; detail: string } {
  return {
    label: plainText(product.name, 200),
    description: plainText(product.identifier, 100),
    detail: `${plainText(product.taxCode, 60)} · ${plainText(product.id, 60)}`,
  };
}

/** A tree row's texts: tree labels render neither links nor icons, so one clean line suffices. */
export function productRowTexts(product: Product): { label: string; description: string; accessibility: string } {
  const label = oneLine(product.name, 200);
  const description = oneLine(product.identifier, 100);
  return { label, description, accessibility: `${label}, ${description}, tax code ${oneLine(product.taxCode, 60)}` };
}
