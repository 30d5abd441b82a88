// The plan rows of the Products tree and the plan commands' dialogs: hostile names (links,
// backticks, newlines, icons) stay text, and each row says its state, visibility and prices.
import assert from 'node:assert/strict';
import type { CatalogPlan } from '../../../src/api/kelviq/planSchemas';
import { planPickTexts, planRowTexts, planTooltipMarkdown } from '../../../src/kelviq/plans/planRowTexts';
import { productPlans } from '../../../src/kelviq/plans/planRows';
import {
  comparisonTitle, discardConfirmation, publishConfirmation, publishGuardLines, unsavedEdits,
} from '../../../src/kelviq/plans/planTexts';

const HOSTILE = 'Pro [x](command:kelviq.setApiKey?%7B%7D)\n`tick` $(alert) **bold**';
const PRODUCT = '0d65f7c0-7e91-4f56-9b32-13a9a6a7c1de';
const sandbox = { label: 'Sandbox', baseUrl: 'http://127.0.0.1:4010/api/v1' };

const plan = (overrides: Partial<CatalogPlan> = {}): CatalogPlan => ({
  identifier: 'pro-monthly',
  name: 'Pro Monthly',
  product: PRODUCT,
  version: 1,
  isLatest: true,
  modifiedOn: '2026-01-01T00:00:00.000Z',
  isVisible: true,
  ...overrides,
});

function assertInert(text: string): void {
  assert.ok(!text.includes('](command:'), `a command link in ${JSON.stringify(text)}`);
  assert.ok(!/\$\([a-z]+\)/.test(text), `an icon in ${JSON.stringify(text)}`);
}

describe('kelviq/plans: row texts', () => {
  it('state and visibility in the description', () => {
    assert.equal(planRowTexts(plan()).description, 'published · visible');
    assert.equal(planRowTexts(plan({ isLatest: false })).description, 'draft · visible');
    assert.equal(planRowTexts(plan({ isLatest: false, version: 2, isVisible: false })).description, 'published, draft pending · hidden');
    assert.equal(planRowTexts(plan({ name: '' })).label, 'pro-monthly', 'no name: the identifier');
  });

  it('a hostile name is one clean line in the row', () => {
    const texts = planRowTexts(plan({ name: HOSTILE }));
    assert.ok(!texts.label.includes('\n'));
    assert.equal(texts.label, 'Pro [x](command:kelviq.setApiKey?%7B%7D) `tick` $(alert) **bold**', 'tree labels render nothing: kept as typed, on one line');
  });

  it('the tooltip: prices in short, state, version; every value escaped Markdown', () => {
    const md = planTooltipMarkdown(plan({ isLatest: false, version: 2 }), { summary: 'USD 29 / month, EUR 27 / month, 14-day trial' });
    assert.ok(md.includes('| Prices | USD 29 \\/ month\\, EUR 27 \\/ month\\, 14\\-day trial |'), md);
    assert.ok(md.includes('| State | published\\, draft pending |'), md);
    assert.match(md, /\| Version \| 2 \\\(draft\\\) \|/);
    assert.match(md, /Publish Plan… shows what changes/);

    const hostile = planTooltipMarkdown(plan({ name: HOSTILE, identifier: 'a``b', description: '<img src=x onerror=alert(1)> [y](command:z)' }), { problem: '[p](command:q) | pipe' });
    assertInert(hostile);
    assert.ok(hostile.startsWith('**Pro \\[x\\]\\(command\\:kelviq\\.setApiKey\\?\\%7B\\%7D\\) \\`tick\\` \\$\\(alert\\) \\*\\*bold\\*\\*** ```a``b```'), hostile);
    assert.ok(hostile.includes('\\<img') && !/(^|[^\\])<img/.test(hostile), 'HTML escaped');
    assert.match(hostile, /could not be read: \\\[p\\\]\\\(command\\:q\\\) \\\| pipe/);
    assert.equal(hostile.split('\n').filter((l) => l.startsWith('**')).length, 1, 'the name stays on its line');
  });

  it('plan picks are plain text', () => {
    const pick = planPickTexts(plan({ name: HOSTILE }));
    assertInert(pick.label);
    assert.equal(pick.description, 'pro-monthly · published · visible');
  });
});

describe('kelviq/plans: which plans a product shows', () => {
  const other = '11111111-2222-4333-8444-555555555555';
  const all = [
    plan({ identifier: 'a-draft', isLatest: false }),
    plan({ identifier: 'b-live' }),
    plan({ identifier: 'c-live-with-draft', isLatest: false, version: 3 }),
    plan({ identifier: 'elsewhere', product: other, isLatest: false }),
  ];

  it('published in the product’s order, then its drafts; other products’ plans left out', () => {
    const rows = productPlans(PRODUCT, ['c-live-with-draft', 'b-live'], all);
    assert.deepEqual(rows.plans.map((p) => p.identifier), ['c-live-with-draft', 'b-live', 'a-draft']);
    assert.deepEqual(rows.missing, []);
  });

  it('a published plan the list does not have yet is missing (read on its own); duplicates once', () => {
    const rows = productPlans(PRODUCT.toUpperCase(), ['new-live', 'b-live', 'b-live'], all);
    assert.deepEqual(rows.missing, ['new-live']);
    assert.deepEqual(rows.plans.map((p) => p.identifier), ['b-live', 'a-draft', 'c-live-with-draft']);
  });
});

describe('kelviq/plans: dialogs', () => {
  const changes = ['Name: “A” → “B”', 'USD price: USD 29 / month → USD 32 / month'];

  it('publish: the environment and versions, the changes in words, what happens to existing customers', () => {
    const c = publishConfirmation('Pro Monthly', sandbox, { draft: 2, published: 1 }, changes, { updateFeatures: true, updatePricing: false });
    assert.equal(c.message, 'Publish “Pro Monthly” in Sandbox?');
    assert.deepEqual(c.detail.split('\n'), [
      'In Sandbox (http://127.0.0.1:4010/api/v1). Version 2 (the draft) replaces version 1 as the live plan.',
      '',
      'What changes:',
      '• Name: “A” → “B”',
      '• USD price: USD 29 / month → USD 32 / month',
      '',
      'Existing customers move to the new features.',
      'Existing customers keep their current pricing.',
      'The comparison editor shows the exact difference.',
    ]);
    const many = publishConfirmation('P', sandbox, { draft: 1 }, Array.from({ length: 25 }, (_, i) => `change ${i}`), { updateFeatures: false, updatePricing: false });
    assert.match(many.detail, /Version 1 \(the draft\) becomes the live plan/);
    assert.match(many.detail, /• …and 5 more: see the comparison editor\./);
    assert.equal(publishGuardLines(changes, { updateFeatures: false, updatePricing: true }).at(-1), 'Existing customers move to the new pricing.');
  });

  it('discard: names the plan and what stays live; unsaved edits are mentioned', () => {
    const c = discardConfirmation('Pro', sandbox, { draft: 2, published: 1 }, true);
    assert.equal(c.message, 'Discard the draft of “Pro” in Sandbox?');
    assert.match(c.detail, /The draft \(version 2\) is deleted\. The published version 1 stays live, unchanged\./);
    assert.match(c.detail, /unsaved changes: they stay in the editor/);
    assert.match(discardConfirmation('Pro', sandbox, { draft: 1 }, false).detail, /never published: discarding its draft \(version 1\) deletes the plan/);
  });

  it('hostile names in every dialog stay quoted plain text', () => {
    const texts = [
      publishConfirmation(HOSTILE, sandbox, { draft: 2, published: 1 }, changes, { updateFeatures: false, updatePricing: false }).message,
      discardConfirmation(HOSTILE, sandbox, { draft: 2 }, false).message,
      unsavedEdits(HOSTILE),
      comparisonTitle(HOSTILE, { draft: 2, published: 1 }),
    ];
    for (const text of texts) {
      assertInert(text);
      assert.ok(!text.includes('\n'), text);
    }
    assert.equal(comparisonTitle('Pro', { draft: 2, published: 1 }), '“Pro”: published v1 ↔ draft v2');
  });
});
