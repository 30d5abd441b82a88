// Which plans a product row expands into: its published plans in the product's own order (the
// product GET lists their identifiers), then its drafts from the environment's plan list (which
// has no product filter). Pure: unit-tested.
import type { PlanRow } from './planRowTexts';

export interface ProductPlans<P extends PlanRow & { product?: string }> {
  /** The rows, in order. */
  plans: P[];
  /** Published identifiers the plan list did not have (it was read before they were published). */
  missing: string[];
}

export function productPlans<P extends PlanRow & { product?: string }>(productId: string, published: readonly string[], all: readonly P[]): ProductPlans<P> {
  const byIdentifier = new Map(all.map((p) => [p.identifier, p]));
  const plans: P[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const identifier of published) {
    if (seen.has(identifier)) continue;
    seen.add(identifier);
    const plan = byIdentifier.get(identifier);
    if (plan) plans.push(plan);
    else missing.push(identifier);
  }
  const id = productId.toLowerCase();
  // Drafts, and any plan of this product the product's list did not name (it moved meanwhile).
  for (const plan of all) if (!seen.has(plan.identifier) && plan.product?.toLowerCase() === id) plans.push(plan);
  return { plans, missing };
}
