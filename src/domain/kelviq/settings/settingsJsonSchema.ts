// settingsDocumentJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers and
// completion in product-settings documents, annotation-only (domain/document/annotationSchema):
// the ISO 4217 currencies are offered with their names, never enforced (validateSettings checks).
import { z } from 'zod';
import { documentJsonSchema, offerValues, schemaNodeAt } from '../../document/annotationSchema';
import { fieldMeta } from '../../document/fieldDocs';
import type { JsonObject } from '../../document/jsonShapes';
import { currencyCodes } from '../../isoCodes';
import { SETTINGS_DOCS } from './settingsFields';

const meta = (field: keyof typeof SETTINGS_DOCS): Record<string, unknown> => fieldMeta(SETTINGS_DOCS, field);

const SettingsDocumentSchema = z
  .looseObject({
    vpn: z.boolean().meta(meta('vpn')),
    tor: z.boolean().meta(meta('tor')),
    proxy: z.boolean().meta(meta('proxy')),
    currency: z.string().meta(meta('currency')),
    productUrl: z.string().nullable().meta(meta('productUrl')),
  })
  .meta({ title: 'kelviq product settings', description: 'The settings of one kelviq product. Edit them and save; a new currency is asked about first.' });

/** A new object each call; a build script writes it to `schemas/product-settings.schema.json`. */
export function settingsDocumentJsonSchema(): JsonObject {
  const schema = documentJsonSchema(SettingsDocumentSchema);
  const currencies = currencyCodes().map((c) => ({ value: c.code, description: c.name }));
  Object.assign(schemaNodeAt(schema, ['currency']) ?? {}, offerValues(currencies));
  return schema;
}
