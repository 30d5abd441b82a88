// The zod schema a kind's document is checked with. Strict at the top, so a field the user adds is
// reported. With a base, the fields the server owns (the kind's read-only ones and the extras the
// server sent) accept anything: they are compared with the base instead, so a changed one is one
// read-only problem, not also a type problem. Without a base they are type-checked. Building a
// schema (and zod's first compile of it) costs more than a validation, and the shape depends only
// on the server's fields, so equal sets of fields share one schema.
import { z } from 'zod';

type Shape = Readonly<Record<string, z.ZodType>>;

const CACHE_SIZE = 32;

/**
 * The kind's schema for a set of server fields: `serverFields` are the base's fields the user
 * cannot change, in a stable order (undefined without a base: `readOnly` is type-checked then).
 */
export function validationSchemas(readOnly: Shape, editable: Shape): (serverFields: readonly string[] | undefined) => z.ZodType {
  let withoutBase: z.ZodType | undefined;
  const byServerFields = new Map<string, z.ZodType>();
  return (serverFields) => {
    if (!serverFields) return (withoutBase ??= z.strictObject({ ...readOnly, ...editable }));
    const key = serverFields.join('\u0000');
    let schema = byServerFields.get(key);
    if (!schema) {
      const anything = Object.fromEntries(serverFields.map((field) => [field, z.unknown().optional()]));
      schema = z.strictObject({ ...anything, ...editable });
      if (byServerFields.size >= CACHE_SIZE) byServerFields.clear();
      byServerFields.set(key, schema);
    }
    return schema;
  };
}
