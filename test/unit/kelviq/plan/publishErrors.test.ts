// publishErrors: a refused publish in words a pricing person understands, with what to do next.
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/api/http/errors';
import { explainPublishError, publishErrorText } from '../../../../src/domain/kelviq/plan/publishErrors';

const apiError = (status: number, kind: ApiError['kind'], message: string, fieldErrors?: Record<string, string[]>) =>
  new ApiError({ kind, status, message, method: 'POST', path: '/catalog/plans/pro/publish/', ...(fieldErrors ? { fieldErrors } : {}) });

describe('domain/kelviq/plan: publishErrors', () => {
  it('428: the billing provider is not connected; connect it in the dashboard, then publish again', () => {
    const e = explainPublishError('Pro Monthly', 'Sandbox', apiError(428, 'conflict', 'Billing provider not authenticated.'));
    assert.equal(e?.reason, 'billingProvider');
    assert.match(e?.message ?? '', /^kelviq could not publish “Pro Monthly”: no billing provider \(such as Stripe\) is connected to your Sandbox account/);
    assert.match(e?.next ?? '', /Connect your billing provider in the kelviq dashboard \(Sandbox\), then run Publish Plan… again\. Nothing was published/);
  });

  it('400 without a price: add one, save, publish again', () => {
    const e = explainPublishError('Pro', 'Sandbox', apiError(400, 'badRequest', 'Plan has no price. Add at least one price before publishing.'));
    assert.equal(e?.reason, 'noPrice');
    assert.match(e?.message ?? '', /the draft has no price, and a plan cannot go live without one/);
    assert.match(e?.next ?? '', /add at least one price under "prices"/);
  });

  it('400 for missing currencies (also as field errors), quoting the server', () => {
    const e = explainPublishError('Pro', 'Production', apiError(400, 'validation', 'Prices: Missing price for required currency EUR.', { prices: ['Missing price for required currency EUR.'] }));
    assert.equal(e?.reason, 'currencies');
    assert.match(e?.message ?? '', /needs a price in every currency your Production account sells in/);
    assert.match(e?.message ?? '', /kelviq said: “Prices: Missing price for required currency EUR\. prices: Missing price/);
    assert.match(e?.next ?? '', /add a price for each missing currency/);
  });

  it('400 already published; any other 400 quotes the server; anything else is not a refusal', () => {
    assert.equal(explainPublishError('Pro', 'Sandbox', apiError(400, 'badRequest', 'Plan is already published.'))?.reason, 'alreadyPublished');
    const other = explainPublishError('Pro', 'Sandbox', apiError(400, 'badRequest', 'Plan ordering clash.'));
    assert.equal(other?.reason, 'other');
    assert.match(other?.message ?? '', /kelviq refused to publish “Pro”\. kelviq said: “Plan ordering clash\.”/);
    assert.equal(explainPublishError('Pro', 'Sandbox', apiError(503, 'server', 'down')), undefined);
    assert.equal(explainPublishError('Pro', 'Sandbox', { kind: 'network', message: 'ECONNREFUSED' }), undefined);
  });

  it('server words and plan names are untrusted: no link, no icon, no line break, short', () => {
    const hostile = '[Fix it](command:kelviq.setApiKey?%7B%7D) $(alert)\nsecond line' + 'x'.repeat(2000);
    const e = explainPublishError(`Pro [x](command:y)\n\`tick\``, 'Sandbox', apiError(400, 'badRequest', hostile));
    assert.ok(e);
    const text = publishErrorText(e);
    for (const part of [e.message, e.next, text]) {
      assert.ok(!part.includes('](command:'), part);
      assert.ok(!/\$\([a-z]+\)/.test(part), part);
      assert.ok(!part.includes('\n'), part);
    }
    assert.ok(text.length <= 1000);
    assert.match(e.message, /“Pro \[x\] \(command∶y\) `tick`”/);
  });
});
