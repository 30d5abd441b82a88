// Updating products through the assumed PATCH /v2/product/:id against the Zaveit sandbox: what
// the sandbox does with it, and the distinct 'unsupported' error when the assumption is wrong
// (405, 501, or 404 for a product that exists), which must not be confused with a product that
// is gone (404, and GET says 404 too).
import assert from 'node:assert/strict';
import { ASSUMED_UPDATE_ENDPOINT } from '../../../src/api/zaveit/zaveitErrors';
import { zaveitEditableView, zaveitUpdateBody } from '../../../src/domain/zaveit/product';
import { rejectsWith } from '../api/support';
import { useZaveitSandbox } from './support';

const OBJECT_ID = /^[0-9a-f]{24}$/;

describe('api/zaveit: ZaveitClient updates (assumed PATCH, Zaveit sandbox)', () => {
  const ctx = useZaveitSandbox();
  const firstWithVariants = (n: number) => ctx.sandbox.store.list().find((p) => Array.isArray(p.products) && p.products.length >= n)!;

  it('sends only the changed top-level fields; the server bumps updated and __v, keeps variant ids, gives new variants 24-hex ids', async () => {
    const before = firstWithVariants(2);
    const from = zaveitEditableView(before);
    const variants = (from.products as Record<string, unknown>[]).map((v) => ({ ...v }));
    variants[0]!.price = 111.5;
    variants.push({ _id: 'new:1', sku: 'NEW-A', price: 1, cost_price: 0, discount: 0, amount: { min: 1, default: 1, max: 1 }, reference: '' });
    variants.push({ _id: 'new:2', sku: 'NEW-B', price: 2, cost_price: 0, discount: 0, amount: { min: 1, default: 1, max: 1 }, reference: '' });
    const body = zaveitUpdateBody(from, { ...from, name: 'Renamed', products: variants });
    assert.deepEqual(Object.keys(body).sort(), ['name', 'products']);
    const after = await ctx.t.client.updateProduct(before.id, body);
    const sent = ctx.sandbox.journal.find('PATCH')[0]?.body as { products: { _id: string }[] };
    assert.deepEqual(sent.products.slice(-2).map((v) => v._id), ['', ''], 'placeholders go out as ""');
    assert.equal(after.name, 'Renamed');
    assert.equal(after.__v, (before.__v as number) + 1);
    assert.ok(Date.parse(after.updated!) > Date.parse(String(before.updated)));
    const ids = after.products!.map((v) => v._id!);
    assert.deepEqual(ids.slice(0, -2), (before.products as { _id: string }[]).map((v) => v._id));
    assert.ok(ids.slice(-2).every((id) => OBJECT_ID.test(id)) && ids[ids.length - 1] !== ids[ids.length - 2]);
    assert.equal(after.products![0]!.price, 111.5);
    assert.equal(after.description, before.description, 'untouched fields stay');
  });

  it('a currency change goes out with its English name as the title, and the server keeps its own _id', async () => {
    const before = firstWithVariants(1);
    const from = zaveitEditableView(before);
    const body = zaveitUpdateBody(from, { ...from, currency: { code: 'SEK' } });
    assert.deepEqual(body, { currency: { code: 'SEK', title: 'Swedish Krona' } });
    const after = await ctx.t.client.updateProduct(before.id, body);
    assert.deepEqual(after.currency, { code: 'SEK', _id: (before.currency as { _id: string })._id });
  });

  it('the sandbox checks the documented contract itself: a lower-case country code is a 400 with the server words', async () => {
    const id = firstWithVariants(1).id;
    const error = await rejectsWith(ctx.t.client.updateProduct(id, { country: { code: 'no' } }), 'badRequest');
    assert.match(error.message, /^Product validation failed: country\.code: Path `country\.code` is invalid \("no"\)\.$/);
  });

  it('an empty update is refused before sending', async () => {
    const error = await rejectsWith(ctx.t.client.updateProduct(firstWithVariants(1).id, {}), 'validation');
    assert.match(error.message, /An update must change at least one field\. Nothing was sent\./);
    assert.equal(ctx.sandbox.journal.length, 0);
  });

  for (const status of [405, 501, 404] as const) {
    it(`PATCH answering ${status} for a product that exists → kind 'unsupported', naming the assumed endpoint`, async () => {
      ctx.sandbox.switches.patchStatus = status;
      const id = firstWithVariants(1).id;
      const error = await rejectsWith(ctx.t.client.updateProduct(id, { name: 'Nope' }), 'unsupported');
      assert.equal(error.status, status);
      assert.equal(error.retryable, false);
      assert.ok(error.message.startsWith(`The server does not accept updates at ${ASSUMED_UPDATE_ENDPOINT} (${status}): the Zaveit docs do not document updates`), error.message);
      assert.equal(ctx.sandbox.journal.find('PATCH').length, 1, 'not retried');
      if (status === 404) assert.equal(ctx.sandbox.journal.find('GET').length, 1, 'a 404 is checked with one GET');
      assert.equal(ctx.sandbox.store.get(id)?.name, firstWithVariants(1).name, 'nothing changed');
    });
  }

  it('404 for a product that does not exist stays notFound', async () => {
    const error = await rejectsWith(ctx.t.client.updateProduct('no-such-product', { name: 'X' }), 'notFound');
    assert.equal(error.message, 'Zaveit product no-such-product does not exist.');
  });

  it('a malformed id is refused before sending', async () => {
    await rejectsWith(ctx.t.client.updateProduct('../v1/auth/info', { name: 'X' }), 'validation');
    await rejectsWith(ctx.t.client.getProduct(''), 'validation');
    assert.equal(ctx.sandbox.journal.length, 0);
  });

  it('getProduct reads one product; PATCH is not retried after a reset (it may have landed), but is after a 429', async () => {
    const id = firstWithVariants(1).id;
    assert.equal((await ctx.t.client.getProduct(id)).id, id);
    ctx.sandbox.faults.add({ method: 'PATCH', reset: true });
    await rejectsWith(ctx.t.client.updateProduct(id, { description: 'after a reset' }), 'network');
    assert.equal(ctx.sandbox.journal.find('PATCH').length, 1);
    ctx.sandbox.faults.add({ method: 'PATCH', status: 429, retryAfter: '0' });
    await ctx.t.client.updateProduct(id, { description: 'after throttling' });
    assert.equal(ctx.sandbox.journal.find('PATCH').length, 3);
  });
});
