// productDocumentJsonSchema: the JSON Schema VS Code's JSON language service uses for hovers
// and completion in product documents, generated from the same zod schema we validate with, and
// annotation-only (see domain/document/annotationSchema.ts): the tax codes are offered with
// their descriptions, never enforced.
import { ProductDocumentSchema } from './documentSchema';
import { documentJsonSchema } from '../../document/annotationSchema';
import type { JsonObject } from '../../document/jsonShapes';

/**
 * The product document's JSON Schema (draft-07 compatible, no `$schema`): titles and hover
 * text per field (read-only ones say "Read-only: set by kelviq"), `readOnly: true` on read-only
 * fields, and the tax codes with their descriptions for completion. A build script writes it
 * to `schemas/product.schema.json`.
 */
export function productDocumentJsonSchema(): JsonObject {
  return documentJsonSchema(ProductDocumentSchema);
}
