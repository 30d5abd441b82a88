// publishDiff: the difference between the published version and the draft, in words.
import assert from 'node:assert/strict';
import { publishDiff, describeValue } from '../../../../src/domain/kelviq/plan/publishDiff';
import { basePlan, FEATURES, monthly } from './fixtures';

const LINK = '[x](command:y)';

describe('domain/kelviq/plan: publishDiff', () => {
  const published = basePlan();

  it('no difference: one line that says so (ids and dates that a new version changes are ignored)', () => {
    const draft = basePlan({ plan: { version: 4, isLatest: false, modifiedOn: '2026-01-01T00:00:00.000Z' }, prices: [monthly('USD', 29, { id: 'new-1' }), monthly('EUR', 27, { id: 'new-2' })] });
    assert.deepEqual(publishDiff(published, draft), { lines: ['No difference in the plan’s fields, prices, entitlements or files.'], empty: true });
  });

  it('files by stored file: a draft\'s copies (new ids) are no difference; added, removed and changed ones are named', () => {
    const f = (id: string, name: string, ordering: number, enabled = true) => ({ id, name, file: `https://cdn.example/plan/${name}`, ordering, enabled, downloadUrl: `https://api.example/${id}/` });
    const withFiles = basePlan({ plan: { files: [f('a1', 'terms.pdf', 0), f('b1', 'sla.pdf', 1)] } });
    const copies = basePlan({ plan: { isLatest: false, files: [f('a2', 'terms.pdf', 0), f('b2', 'sla.pdf', 1)] } });
    assert.equal(publishDiff(withFiles, copies).empty, true);
    const draft = basePlan({ plan: { files: [{ ...f('a2', 'terms.pdf', 1, false), name: 'Terms.pdf' }, f('c2', 'guide.pdf', 2)] } });
    assert.deepEqual(publishDiff(withFiles, draft).lines, [
      'File “terms.pdf”: file name “terms.pdf” → “Terms.pdf”; ordering 0 → 1; enabled on → off',
      'File added: “guide.pdf”',
      'File removed: “sla.pdf”',
    ]);
  });

  it('plan fields: name, description, visibility, license, metadata', () => {
    const draft = basePlan({
      plan: { name: 'Pro (monthly)', description: 'New words.', isVisible: false, license: { enabled: true }, metadata: { tier: 'gold' } },
    });
    assert.deepEqual(publishDiff(published, draft).lines, [
      'Name: “Pro Monthly” → “Pro (monthly)”',
      'Description: “Pro tier billed monthly.” → “New words.”',
      'Visibility: visible → hidden',
      'License › License keys: off → on',
      'Metadata “tier”: not set → “gold”',
    ]);
  });

  it('prices by currency: changed amount, new currency, removed currency, trial', () => {
    const draft = basePlan({ prices: [monthly('USD', 32), monthly('GBP', 24)] });
    assert.deepEqual(publishDiff(published, draft).lines, [
      'USD price: USD 29 / month, 14-day trial → USD 32 / month, 14-day trial',
      'New GBP price: GBP 24 / month, 14-day trial',
      'EUR price removed (was EUR 27 / month, 14-day trial)',
    ]);
    const noTrial = basePlan({ prices: [monthly('USD', 29, { freeTrial: false, trialPeriod: 0 }), monthly('EUR', 27)] });
    assert.deepEqual(publishDiff(published, noTrial).lines, [
      'USD price: USD 29 / month, 14-day trial → USD 29 / month',
      'USD price, free trial: on → off',
      'USD price, trial days: 14 → 0',
    ]);
  });

  it('a usage charge of a feature, named by the feature', () => {
    const overage = { feature: FEATURES.apiCalls.id, priceModel: 'PACKAGE', charges: [{ chargePeriod: 'MONTHLY', priceData: { amount: 0.5, block_size: 1000 } }] };
    const withOverage = (amount: number) => monthly('USD', 29, { chargeCatalogPrice: [...(monthly('USD', 29).chargeCatalogPrice as unknown[]), { ...overage, charges: [{ ...overage.charges[0], priceData: { amount, block_size: 1000 } }] }] });
    const before = basePlan({ prices: [withOverage(0.5), monthly('EUR', 27)] });
    const after = basePlan({ prices: [withOverage(0.4), monthly('EUR', 27)] });
    assert.deepEqual(publishDiff(before, after).lines, ['USD price: changes the usage charge for “API Calls”']);
    assert.deepEqual(publishDiff(published, after).lines, ['USD price: adds the usage charge for “API Calls”']);
  });

  it('entitlements by feature: a changed limit, an added and a removed feature, a flag', () => {
    const draft = basePlan({
      entitlements: [
        { feature: { ...FEATURES.apiCalls }, details: { value: 25000, hasUnlimitedUsage: false, hardLimit: true, reset: 'EVERY_MONTH' } },
        { feature: { ...FEATURES.seats }, details: { value: 10 } },
      ],
    });
    assert.deepEqual(publishDiff(published, draft).lines, [
      '“API Calls”: 10,000 → 25,000',
      '“API Calls”, hard limit: off → on',
      'Adds “Seats”: 10',
      'Removes “Single sign-on”',
    ]);
  });

  it('a plan never published: what goes live', () => {
    const draft = basePlan({ plan: { version: 1, isLatest: false } });
    const diff = publishDiff(undefined, draft);
    assert.equal(diff.empty, false);
    assert.deepEqual(diff.lines, [
      'Not published before: publishing makes this plan live.',
      'Prices: USD 29 / month, EUR 27 / month, 14-day trial',
      'Entitlements: “API Calls” 10,000, “Single sign-on” on',
      'Visibility: visible',
    ]);
  });

  it('hostile names stay quoted plain text: no link, no line break, no icon', () => {
    const draft = basePlan({ plan: { name: `${LINK}\nsecond line $(alert) \`code\`` } });
    const [line] = publishDiff(published, draft).lines;
    assert.ok(line);
    assert.ok(!line.includes('](command:'), line);
    assert.ok(!line.includes('\n'), line);
    assert.ok(!line.includes('$(alert)'), line);
    assert.match(line, /^Name: “Pro Monthly” → “\[x\] \(command∶y\) second line \$ \(alert\) `code`”$/);
    assert.equal(describeValue('a"b” “c'), "“a'b' 'c”");
  });
});
