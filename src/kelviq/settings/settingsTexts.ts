// The words of Open Product Settings. Pure; product names are untrusted and go through plainText.
import { plainText } from '../../domain/untrustedText';

/** Shown the first time a product's settings are opened on this machine: kelviq's GET creates them. */
export function settingsCreatedNote(productName: string): string {
  return (
    `kelviq creates a product's settings, with its defaults, the first time they are read: if ${plainText(productName, 80)} had none, it has them now. ` +
    'Edit them in this document and save; a new currency is asked about before it is saved.'
  );
}

export function pickTitle(environmentLabel: string): string {
  return `Kelviq: Open Product Settings (${environmentLabel}): of which product?`;
}
