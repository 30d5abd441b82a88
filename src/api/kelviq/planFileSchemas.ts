// zod schema for a plan file's update (`PATCH /catalog/plans/{identifier}/file/{pk}/`); the answer is
// the PlanFile of planSchemas.ts (loose). Strict: only the spec's editable fields.
import { z } from 'zod';

export const PlanFileUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name cannot be empty.').optional(),
  ordering: z.number().int('Use a whole number.').optional(),
  enabled: z.boolean().optional(),
});
export type PlanFileUpdate = z.input<typeof PlanFileUpdateSchema>;
