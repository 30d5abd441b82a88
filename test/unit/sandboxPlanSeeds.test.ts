// The seeded pricing: the demo catalog's plans and features are realistic and consistent with the
// products' `plans`; generated:N:P is big enough for the benchmark and quick to build; plans
// survive a restart through the state file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  demoCatalog, generatedCatalog, isDraft, latestVersion, parseSeed, publishedPlanLists, publishedVersion, SEED_BASE_DATE, startSandbox,
  type PlanRecord,
} from '../../sandbox';
import { api, json, paid, productId, type Page } from './sandboxHttp';

const chargePeriods = (plans: PlanRecord[]): Set<unknown> =>
  new Set(plans.flatMap((p) => p.versions.flatMap((v) => v.prices.flatMap((price) => price.chargeCatalogPrice.flatMap((c) => (c.charges as Array<{ chargePeriod?: string }>).map((x) => x.chargePeriod))))));

describe('sandbox seeds: plans and features', () => {
  it('demo: deterministic; every product lists exactly its published plans; identifiers unique', () => {
    const catalog = demoCatalog();
    assert.deepEqual(catalog, demoCatalog());
    const plans = catalog.plans ?? [];
    assert.equal(new Set(plans.map((p) => p.identifier)).size, plans.length);
    const lists = publishedPlanLists(plans);
    for (const product of catalog.products) assert.deepEqual(product.plans, lists.get(product.id) ?? [], product.identifier);
    assert.ok(plans.every((p) => p.versions.every((v) => Date.parse(v.modifiedOn) <= SEED_BASE_DATE)));
    assert.ok(plans.every((p) => !publishedVersion(p) || (publishedVersion(p)?.prices.length ?? 0) > 0), 'every published plan has a price');
  });

  it('demo: free / pro / team tiers, monthly and yearly, three currencies, a METER feature, a newer draft, a draft-only plan', () => {
    const catalog = demoCatalog();
    const plans = catalog.plans ?? [];
    const pulseboard = catalog.products.find((p) => p.identifier === 'pulseboard')!;
    const tiers = plans.filter((p) => p.product === pulseboard.id).map((p) => latestVersion(p).name);
    assert.deepEqual(tiers, ['Pulseboard Free', 'Pulseboard Pro (monthly)', 'Pulseboard Pro (yearly)', 'Pulseboard Team (monthly)']);
    assert.ok(['MONTHLY', 'YEARLY', 'ONE_TIME'].every((period) => chargePeriods(plans).has(period)));
    const currencies = new Set(plans.flatMap((p) => p.versions.flatMap((v) => v.prices.map((price) => price.currency))));
    assert.ok(['USD', 'EUR', 'GBP'].every((c) => currencies.has(c)));
    assert.deepEqual(new Set(plans.flatMap((p) => p.versions.flatMap((v) => v.prices.map((price) => price.priceType)))), new Set(['FREE', 'PAID', 'CUSTOM']));
    const features = catalog.features ?? [];
    assert.ok(features.some((f) => f.featureType === 'METER' && f.featureDetails.featureSubType === 'RAW_EVENTS' && Object.keys(f.meter).length > 0));
    assert.ok(features.some((f) => f.featureType === 'METER' && f.featureDetails.featureSubType === 'PRE_AGGREGATED_USAGE'));
    assert.ok(features.some((f) => f.isArchived));
    const withDraft = plans.filter((p) => publishedVersion(p) && isDraft(latestVersion(p))).map((p) => p.identifier);
    const draftOnly = plans.filter((p) => !publishedVersion(p)).map((p) => p.identifier);
    assert.deepEqual([withDraft, draftOnly], [['pro-monthly'], ['pulseboard-team-monthly']]);
  });

  it('generated:N:P builds 10,000 products and 30,000 plans in a few seconds; generated:N has none', () => {
    assert.equal(parseSeed('generated:10000:30000'), 'generated:10000:30000');
    assert.throws(() => parseSeed('generated:1:2:3'), /Unknown seed/);
    const started = Date.now();
    const catalog = generatedCatalog(10_000, 30_000);
    const took = Date.now() - started;
    assert.ok(took < 8_000, `took ${took} ms`);
    const plans = catalog.plans ?? [];
    assert.equal(plans.length, 30_000);
    assert.equal(new Set(plans.map((p) => p.identifier)).size, 30_000);
    assert.ok(catalog.products.every((p) => p.plans.length >= 1 && p.plans.length <= 3));
    assert.ok(plans.some((p) => !publishedVersion(p)) && plans.some((p) => publishedVersion(p) && isDraft(latestVersion(p))));
    const small = generatedCatalog(300);
    assert.deepEqual([small.plans, small.features, small.products.filter((p) => p.plans.length > 0).length], [[], [], 0]);
  });

  it('serves generated:2000:6000 plans paged, 100 at most per page', async () => {
    const sb = await startSandbox({ seed: 'generated:2000:6000' });
    try {
      const auth = { headers: { authorization: `Bearer ${sb.apiKey}` } };
      const first = await json<Page>(await fetch(`${sb.baseUrl}/catalog/plans/?page_size=1000`, auth));
      assert.equal(first.count, 6000);
      assert.equal(first.results.length, 100);
      const last = await json<Page>(await fetch(`${sb.baseUrl}/catalog/plans/?page=60`, auth));
      assert.equal(last.next, null);
      assert.equal((await fetch(`${sb.baseUrl}/catalog/plans/?page=61`, auth)).status, 404);
      assert.equal(((await json(await fetch(`${sb.origin}/__sandbox/info`, { headers: { 'x-sandbox-token': sb.controlToken } }))) as { plans: number }).plans, 6000);
    } finally {
      await sb.close();
    }
  });

  it('plans, versions and features survive a restart through the state file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelviq-plans-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      const first = await startSandbox({ stateFile });
      const created = await json(await api(first, '/catalog/plans/', { method: 'POST', json: { name: 'Kept Plan', product: productId(first, 'pulseboard') } }));
      await api(first, `/catalog/plans/${String(created.identifier)}/prices/bulk/`, { method: 'POST', json: { prices: [paid('USD', 5)] } });
      await api(first, `/catalog/plans/${String(created.identifier)}/publish/`, { method: 'POST' });
      await api(first, '/catalog/features/', { method: 'POST', json: { name: 'Kept Feature', featureType: 'BOOLEAN' } });
      await first.close();
      const second = await startSandbox({ stateFile, seed: 'empty' });
      try {
        const plan = await json(await api(second, '/catalog/plans/kept-plan/'));
        assert.deepEqual([plan.version, plan.isLatest], [1, true]);
        assert.ok(((await json(await api(second, `/catalog/products/${productId(second, 'pulseboard')}/`))).plans as string[]).includes('kept-plan'));
        assert.ok((await json<Page>(await api(second, '/catalog/features/?search=kept'))).count === 1);
        assert.equal((await json(await api(second, '/catalog/plans/pro-monthly/'))).version, 2);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
