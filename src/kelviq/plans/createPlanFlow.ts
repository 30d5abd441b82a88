// Create Plan…: for a product (its row, or picked), a name, an identifier (a slug, suggested from
// the name, checked as you type: domain/kelviq/plan/newPlanInput) and the visibility. Escape at
// any step cancels; nothing is sent before the last step and the production guard. The new plan
// is a draft: it opens as a document and appears under its product.
import type { CatalogPlan, PlanCreate, Product } from '../../api';
import { slugify } from '../../domain/catalog';
import type { EnvironmentId } from '../../domain/environment';
import { checkPlanIdentifier, checkPlanName } from '../../domain/kelviq/plan/newPlanInput';
import { isProductId } from '../../domain/kelviq/productUri';
import { plainText } from '../../domain/untrustedText';
import * as vscode from 'vscode';
import { pickProduct } from '../products/openProductPicker';
import { ProductNode } from '../products/productTreeItems';
import { showPlanChanged, type PlanDeps } from './planDeps';
import { createPlanAction, creatingPlanTitle } from './planTexts';

/** A product row, or `{ id, environment }` (tests, other extensions); undefined asks. */
export type ProductTarget = ProductNode | { id: string; environment?: EnvironmentId } | undefined;

export async function createPlan(deps: PlanDeps, target: ProductTarget): Promise<CatalogPlan | undefined> {
  const given = target instanceof ProductNode ? { id: target.product.id, environment: target.environment, product: target.product } : target && isProductId(target.id) ? target : undefined;
  const { client, environment } = await deps.connection.client(given?.environment);
  let product: Pick<Product, 'id' | 'name'> | undefined = given && 'product' in given ? given.product : undefined;
  if (!product) {
    const id = given?.id ?? (await pickProduct(client, `Kelviq: Create Plan (${environment.label}): for which product?`))?.id;
    if (!id) return undefined;
    product = deps.tree.find(environment.id, id) ?? (await client.getProduct(id));
  }

  // Identifiers in use, to say so as you type (the list is read once per environment).
  const plans = await deps.catalog.plans(environment.id, client).catch(() => [] as CatalogPlan[]);
  const taken = new Map(plans.map((p) => [p.identifier, p.name]));
  const title = (step: number) => `Kelviq: Create Plan for ${plainText(product.name, 60)} (${step}/3)`;

  const name = await deps.prompts.input({
    title: title(1),
    prompt: 'Plan name, as customers will see it',
    placeHolder: 'e.g. Pro Monthly',
    ignoreFocusOut: true,
    validateInput: checkPlanName,
  });
  if (name === undefined) return undefined;

  const suggested = slugify(name);
  const identifier = await deps.prompts.input({
    title: title(2),
    prompt: 'Identifier: how the API and your code name the plan (a slug; it cannot be changed later). Leave empty to let kelviq make one.',
    value: suggested && !taken.has(suggested) ? suggested : '',
    placeHolder: suggested || 'e.g. pro-monthly',
    ignoreFocusOut: true,
    validateInput: (v) => checkPlanIdentifier(v, taken),
  });
  if (identifier === undefined) return undefined;

  const visibility = await deps.prompts.pick(
    [
      { label: 'Visible', detail: 'Shown to customers, e.g. in pricing tables, once published.', isVisible: true },
      { label: 'Hidden', detail: 'Not shown to customers; for plans you offer by link or to selected customers.', isVisible: false },
    ],
    { title: title(3), placeHolder: 'Visibility', ignoreFocusOut: true },
  );
  if (!visibility) return undefined;

  const input: PlanCreate = {
    name: name.trim(),
    product: product.id,
    isVisible: visibility.isVisible,
    ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
  };
  if (!(await deps.guard.confirmWrite(environment, createPlanAction(input.name, product.name)))) return undefined;
  const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: creatingPlanTitle(input.name) }, () => client.createPlan(input));
  deps.log.info(`Created plan ${plan.identifier} (draft, version ${plan.version}) for product ${product.id} in ${environment.label}.`);
  await showPlanChanged(deps, environment.id, plan.identifier, product.id, plan);
  const listed = deps.tree.find(environment.id, product.id);
  if (listed) await deps.tree.view?.reveal(deps.tree.nodeFor(listed, environment.id), { expand: true, select: false, focus: false }).then(undefined, () => undefined);
  await deps.documents.openPlan(environment.id, plan.identifier, plan.identifier);
  return plan;
}
