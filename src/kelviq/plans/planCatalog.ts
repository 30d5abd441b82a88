// The environment's plan list, read once and kept: GET /catalog/plans/ has no product filter, so
// every product row that expands shares one listAllPlans per environment. Cancellable: a tree
// refresh (or another environment) aborts a read in flight and forgets the list. Plan writes of
// this extension (create, save, publish, discard) put the server's answer into the list in place.
import type * as vscode from 'vscode';
import type { CatalogPlan, KelviqClient } from '../../api';
import type { EnvironmentId } from '../../domain/environment';

interface Entry {
  abort: AbortController;
  list: Promise<CatalogPlan[]>;
  /** The list once read, edited in place by upsert/remove. */
  plans?: CatalogPlan[];
}

export class PlanCatalog implements vscode.Disposable {
  private readonly entries = new Map<EnvironmentId, Entry>();

  /** Every plan of `environment` (drafts included, the newest version of each). */
  plans(environment: EnvironmentId, client: KelviqClient): Promise<CatalogPlan[]> {
    let entry = this.entries.get(environment);
    if (!entry) {
      const abort = new AbortController();
      const created: Entry = {
        abort,
        list: client.listAllPlans({ signal: abort.signal }).then((plans) => {
          created.plans = plans;
          return plans;
        }),
      };
      // A failed read is not kept: the next expansion asks again.
      created.list.catch(() => {
        if (this.entries.get(environment) === created) this.entries.delete(environment);
      });
      this.entries.set(environment, created);
      entry = created;
    }
    return entry.plans ? Promise.resolve(entry.plans) : entry.list;
  }

  /** The signal of `environment`'s current read: aborted when the list is forgotten. */
  signal(environment: EnvironmentId): AbortSignal | undefined {
    return this.entries.get(environment)?.abort.signal;
  }

  /** The plans already read, without asking the server. */
  known(environment: EnvironmentId): readonly CatalogPlan[] {
    return this.entries.get(environment)?.plans ?? [];
  }

  find(environment: EnvironmentId, identifier: string): CatalogPlan | undefined {
    return this.known(environment).find((p) => p.identifier === identifier);
  }

  /** Puts the server's newest version of a plan into a list already read. */
  upsert(environment: EnvironmentId, plan: CatalogPlan): void {
    const plans = this.entries.get(environment)?.plans;
    if (!plans) return;
    const at = plans.findIndex((p) => p.identifier === plan.identifier);
    if (at >= 0) plans[at] = plan;
    else plans.push(plan);
  }

  remove(environment: EnvironmentId, identifier: string): void {
    const plans = this.entries.get(environment)?.plans;
    const at = plans ? plans.findIndex((p) => p.identifier === identifier) : -1;
    if (plans && at >= 0) plans.splice(at, 1);
  }

  /** Forgets the list of `environment` (every environment without one), aborting a read in flight. */
  reset(environment?: EnvironmentId): void {
    for (const [env, entry] of [...this.entries]) {
      if (environment !== undefined && env !== environment) continue;
      entry.abort.abort();
      this.entries.delete(env);
    }
  }

  dispose(): void {
    this.reset();
  }
}
