// Every text about a feature the Features view shows: row label, description and tooltip, the
// Open Feature… items, the archive dialog, notifications, progress titles and production-guard
// actions. Feature names, identifiers, descriptions and even types are catalog data anyone with
// access to a shared catalog can set, so each goes through src/domain/untrustedText. The tooltip
// is a plain string (VS Code renders it as text), and plain text besides. Pure: unit-tested.
import type { CatalogFeature } from '../../api';
import { featureTypeWords, isMeterSubType, METER_SUB_TYPE_INFO } from '../../domain/kelviq/feature/featureTypes';
import { oneLine, plainText, quoted } from '../../domain/untrustedText';

/** What the texts need of a feature (a CatalogFeature, or what the user typed into Create Feature…). */
export interface NamedFeature {
  name: string;
  identifier?: string;
}

/** What the texts need of an environment. */
export interface NamedEnvironment {
  label: string;
  baseUrl: string;
}

/** A row's texts: tree labels and descriptions render neither links nor icons, so one clean line suffices. */
export function featureRowTexts(feature: CatalogFeature): { label: string; description: string; accessibility: string } {
  const label = oneLine(feature.name, 200) || oneLine(feature.identifier, 100);
  const description = oneLine(featureTypeWords(feature.featureType), 60);
  return { label, description, accessibility: `${label}, ${description} feature, identifier ${oneLine(feature.identifier, 100)}` };
}

/**
 * The row's tooltip, plain text on a few lines: name; identifier and type (a meter's kind and
 * units); description; ID. Each value is one line of plainText, so no value can add lines or links.
 */
export function featureTooltipText(feature: CatalogFeature): string {
  const lines = [plainText(feature.name, 200), `${plainText(feature.identifier, 100)} · ${plainText(typeDetail(feature), 200)}`];
  if (feature.description) lines.push(plainText(feature.description, 500));
  lines.push(`ID ${plainText(feature.id, 60)}`);
  return lines.join('\n');
}

/** "meter: pre-aggregated usage, calls"; "boolean". Untrusted: the caller makes it safe. */
function typeDetail(feature: CatalogFeature): string {
  const words = featureTypeWords(feature.featureType);
  if (feature.featureType !== 'METER') return words;
  const details = feature.featureDetails ?? {};
  const subType = details.featureSubType;
  const units = details.units as { plural?: unknown } | undefined;
  const parts = [
    ...(isMeterSubType(subType) ? [METER_SUB_TYPE_INFO[subType].words] : typeof subType === 'string' ? [subType] : []),
    ...(typeof units?.plural === 'string' && units.plural ? [units.plural] : []),
  ];
  return parts.length > 0 ? `${words}: ${parts.join(', ')}` : words;
}

/** An Open Feature… item: quick picks render `$(icon)` and links in their texts, so all plain text. */
export function featurePickTexts(feature: CatalogFeature): { label: string; description: string; detail: string } {
  return {
    label: plainText(feature.name, 200) || plainText(feature.identifier, 100),
    description: plainText(featureTypeWords(feature.featureType), 60),
    detail: `${plainText(feature.identifier, 100)} · ${plainText(feature.id, 60)}`,
  };
}

/** The archive dialog: the feature and the environment are named in the message, the server in the detail. */
export function archiveConfirmation(feature: NamedFeature, environment: NamedEnvironment): { message: string; detail: string } {
  const identifier = feature.identifier ? ` (${plainText(feature.identifier, 60)})` : '';
  return {
    message: `Archive feature ${quoted(feature.name)}${identifier} in ${environment.label}?`,
    detail:
      `In ${environment.label} (${environment.baseUrl}). An archived feature leaves the feature list, and kelviq updates the published pricing tables that showed it. ` +
      'Archiving cannot be undone through the kelviq API.',
  };
}

export function archivedNotice(feature: NamedFeature, environmentLabel: string): string {
  return `Kelviq: archived feature ${quoted(feature.name)} in ${environmentLabel}.`;
}

/** The production guard's action for an archive: "Archive feature “name”". */
export function archiveAction(feature: NamedFeature): string {
  return `Archive feature ${quoted(feature.name)}`;
}

export function createAction(feature: NamedFeature): string {
  return `Create feature ${quoted(feature.name)}`;
}

export function creatingTitle(feature: NamedFeature): string {
  return `Kelviq: creating feature ${quoted(feature.name)}…`;
}
