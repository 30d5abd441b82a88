// Create Feature…: name → type → identifier (a slug suggested from the name) → description
// (optional); for a METER also its kind and units, and for a RAW_EVENTS meter how its events are
// aggregated. Each box checks its value as you type (createFeatureRules.ts). Each step has its own
// title, so a person (or a test) can tell where they are. Escape at any step cancels; nothing is
// sent until the last step.
import type * as vscode from 'vscode';
import { slugify } from '../../domain/catalog/slug';
import { FEATURE_TYPE_INFO, KNOWN_FEATURE_TYPES, METER_SUB_TYPE_INFO, METER_SUB_TYPES, type MeterSubType } from '../../domain/kelviq/feature/featureTypes';
import type { Prompts } from '../connection/prompts';
import {
  AGGREGATIONS,
  checkEventField,
  checkFeatureIdentifier,
  checkFeatureName,
  checkUnit,
  suggestPlural,
  type Aggregation,
  type MeterAnswers,
  type NewFeatureAnswers,
} from './createFeatureRules';

export interface CreateFeatureContext {
  environmentLabel: string;
  /** Identifiers of the features listed for that environment. */
  takenIdentifiers: ReadonlySet<string>;
}

type Choice<T> = vscode.QuickPickItem & { value: T };

export async function askNewFeature(prompts: Prompts, context: CreateFeatureContext): Promise<NewFeatureAnswers | undefined> {
  const title = (step: string) => `Kelviq: Create Feature in ${context.environmentLabel}: ${step}`;
  const name = await prompts.input({
    title: title('Name'),
    prompt: 'Feature name, as your plans and pricing pages will show it',
    placeHolder: 'e.g. API calls',
    ignoreFocusOut: true,
    validateInput: checkFeatureName,
  });
  if (name === undefined) return undefined;

  const typeItems: Array<Choice<NewFeatureAnswers['featureType']>> = KNOWN_FEATURE_TYPES.map((type) => ({
    label: FEATURE_TYPE_INFO[type].label,
    detail: FEATURE_TYPE_INFO[type].explanation,
    value: type,
  }));
  const type = await prompts.pick(typeItems, { title: title('Type'), placeHolder: 'What kind of feature is it? (it cannot be changed later)', ignoreFocusOut: true });
  if (!type) return undefined;

  const suggested = slugify(name);
  const identifier = await prompts.input({
    title: title('Identifier'),
    prompt: 'Identifier: plans and usage reports name the feature by it, and it cannot be changed later. Leave empty to let kelviq make one.',
    value: suggested,
    placeHolder: suggested || 'e.g. api-calls',
    ignoreFocusOut: true,
    validateInput: (v) => checkFeatureIdentifier(v, context.takenIdentifiers, context.environmentLabel),
  });
  if (identifier === undefined) return undefined;

  const description = await prompts.input({ title: title('Description'), prompt: 'Description (optional)', ignoreFocusOut: true });
  if (description === undefined) return undefined;

  const answers: NewFeatureAnswers = { name, featureType: type.value, identifier, description };
  if (type.value !== 'METER') return answers;
  const meter = await askMeter(prompts, title);
  return meter && { ...answers, meter };
}

async function askMeter(prompts: Prompts, title: (step: string) => string): Promise<MeterAnswers | undefined> {
  const subTypeItems: Array<Choice<MeterSubType>> = METER_SUB_TYPES.map((subType) => ({
    label: METER_SUB_TYPE_INFO[subType].label,
    detail: METER_SUB_TYPE_INFO[subType].explanation,
    value: subType,
  }));
  const subType = await prompts.pick(subTypeItems, { title: title('Meter Kind'), placeHolder: 'How does usage reach kelviq?', ignoreFocusOut: true });
  if (!subType) return undefined;

  const singular = await prompts.input({
    title: title('Unit'),
    prompt: 'The unit of one use, singular (shown on invoices and pricing pages)',
    placeHolder: 'e.g. call',
    ignoreFocusOut: true,
    validateInput: (v) => checkUnit(v, 'singular'),
  });
  if (singular === undefined) return undefined;
  const plural = await prompts.input({
    title: title('Unit, Plural'),
    prompt: 'The same unit, plural',
    value: suggestPlural(singular),
    ignoreFocusOut: true,
    validateInput: (v) => checkUnit(v, 'plural'),
  });
  if (plural === undefined) return undefined;
  const units = { subType: subType.value, singular, plural };
  if (subType.value !== 'RAW_EVENTS') return units;

  const aggregationItems: Array<Choice<Aggregation>> = (Object.keys(AGGREGATIONS) as Aggregation[]).map((aggregation) => ({
    label: AGGREGATIONS[aggregation].label,
    description: aggregation,
    detail: AGGREGATIONS[aggregation].explanation,
    value: aggregation,
  }));
  const aggregation = await prompts.pick(aggregationItems, { title: title('Aggregation'), placeHolder: 'How are the events turned into usage? Every event of this feature counts (no filters).', ignoreFocusOut: true });
  if (!aggregation) return undefined;
  if (!AGGREGATIONS[aggregation.value].needsField) return { ...units, aggregation: aggregation.value };
  const field = await prompts.input({
    title: title('Summed Property'),
    prompt: 'The event property whose numbers are added up',
    placeHolder: 'e.g. tokens',
    ignoreFocusOut: true,
    validateInput: checkEventField,
  });
  if (field === undefined) return undefined;
  return { ...units, aggregation: aggregation.value, field };
}
