// What a product row expands into: its plans (planRows.ts decides which and in what order). One
// product GET for the published identifiers and the environment's shared plan list (PlanCatalog)
// for the drafts; no popup from here: a failure becomes a note row, details in the log.
import * as vscode from 'vscode';
import type { CatalogPlan } from '../../api';
import type { Connection } from '../connection/connection';
import { isCancellation, rawMessage, userMessage, type Log } from '../../logging';
import type { ProductChildren } from '../products/productsTree';
import type { ProductChildNode, ProductNode } from '../products/productTreeItems';
import { core } from '../../coreLoader';
import type { PlanCatalog } from './planCatalog';
import { planTooltipMarkdown } from './planRowTexts';
import { productPlans } from './planRows';
import { PlanNode, PlanNoteNode, untrustedMarkdown } from './planTreeItems';

export class PlanChildren implements ProductChildren {
  constructor(
    private readonly connection: Connection,
    private readonly catalog: PlanCatalog,
    private readonly log: Log,
  ) {}

  async childrenOf(product: ProductNode): Promise<ProductChildNode[]> {
    const env = product.environment;
    try {
      const { client } = await this.connection.client(env);
      const listing = this.catalog.plans(env, client);
      const signal = this.catalog.signal(env);
      const [detail, all] = await Promise.all([client.getProduct(product.product.id, signal ? { signal } : {}), listing]);
      let rows = productPlans(product.product.id, detail.plans ?? [], all);
      if (rows.missing.length > 0) {
        // Published after the list was read: read those plans themselves, and keep them.
        const found = await Promise.all(rows.missing.map((identifier) => client.getPlan(identifier, signal ? { signal } : {}).catch(() => undefined)));
        const fresh = found.filter((p): p is CatalogPlan => p !== undefined);
        for (const plan of fresh) this.catalog.upsert(env, plan);
        rows = productPlans(product.product.id, detail.plans ?? [], [...all.filter((p) => !fresh.some((f) => f.identifier === p.identifier)), ...fresh]);
      }
      if (rows.plans.length === 0) return [new PlanNoteNode('No plans yet: Create Plan… adds one.', product, 'info')];
      return rows.plans.map((plan) => new PlanNode(plan, env, product));
    } catch (err) {
      if (isCancellation(err)) return [];
      this.log.error(`Listing the plans of product ${product.product.id} failed: ${rawMessage(err)}`);
      return [new PlanNoteNode(`Could not load plans: ${userMessage(err)}`, product, 'error')];
    }
  }

  async resolve(item: vscode.TreeItem, node: ProductChildNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!(node instanceof PlanNode)) return item;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const { client } = await this.connection.client(node.environment);
      // The version the row shows: its prices, not a newer draft's.
      const prices = await client.listAllPlanPrices(node.plan.identifier, { version: node.plan.version, signal: abort.signal });
      item.tooltip = untrustedMarkdown(planTooltipMarkdown(node.plan, { summary: core().priceSummary(prices) }));
    } catch (err) {
      if (isCancellation(err)) return item;
      this.log.warn(`Reading the prices of plan ${node.plan.identifier} failed: ${rawMessage(err)}`);
      item.tooltip = untrustedMarkdown(planTooltipMarkdown(node.plan, { problem: userMessage(err) }));
    } finally {
      sub.dispose();
    }
    return item;
  }

  reset(): void {
    this.catalog.reset();
  }
}
