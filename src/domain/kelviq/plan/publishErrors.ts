// Why kelviq refused to publish a plan, in words a pricing person understands, with what to do
// next. The API documents two refusals: 400 (no price, missing currency coverage, nothing to
// publish) and 428 (the billing provider is not connected). The server's own words are untrusted
// text: they are only ever quoted, plain and short. Pure: unit-tested.
import { plainText, quoted } from '../../untrustedText';

/** What an ApiError (or any failure) tells of a refused publish. */
export interface PublishFailure {
  status?: number;
  kind?: string;
  message?: string;
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
}

export type PublishRefusal = 'billingProvider' | 'noPrice' | 'currencies' | 'alreadyPublished' | 'other';

export interface PublishExplanation {
  reason: PublishRefusal;
  /** One sentence: what happened. */
  message: string;
  /** What to do next. */
  next: string;
}

function serverWords(failure: PublishFailure): string {
  const fields = Object.entries(failure.fieldErrors ?? {}).flatMap(([field, messages]) => messages.map((m) => (field === 'detail' || field === 'non_field_errors' ? m : `${field}: ${m}`)));
  return [failure.message ?? '', ...fields].join(' ').trim();
}

/**
 * The explanation of a refused publish of `planName` in `environmentLabel`, or undefined when the
 * failure is not a refusal (network, auth, server error: the caller's usual error message fits).
 */
export function explainPublishError(planName: string, environmentLabel: string, failure: PublishFailure): PublishExplanation | undefined {
  const plan = quoted(planName);
  const nothingPublished = 'Nothing was published: the live version and your draft are unchanged.';
  if (failure.status === 428) {
    return {
      reason: 'billingProvider',
      message: `kelviq could not publish ${plan}: no billing provider (such as Stripe) is connected to your ${environmentLabel} account, and kelviq sets up every published plan there so customers can be charged.`,
      next: `Connect your billing provider in the kelviq dashboard (${environmentLabel}), then run Publish Plan… again. ${nothingPublished}`,
    };
  }
  if (failure.status !== 400) return undefined;
  const said = serverWords(failure);
  const lower = said.toLowerCase();
  const quote = said ? ` kelviq said: ${quoted(said, 200)}` : '';
  if (/already published|nothing to publish|no draft/.test(lower)) {
    return {
      reason: 'alreadyPublished',
      message: `${plan} has no draft to publish: its live version is already its newest.`,
      next: 'Edit the plan and save to make a draft, then publish that.',
    };
  }
  if (/currenc/.test(lower)) {
    return {
      reason: 'currencies',
      message: `kelviq could not publish ${plan}: it needs a price in every currency your ${environmentLabel} account sells in, and some are missing.${quote}`,
      next: `Open the plan, add a price for each missing currency under "prices" (one per currency), save, then publish again. ${nothingPublished}`,
    };
  }
  if (/price/.test(lower)) {
    return {
      reason: 'noPrice',
      message: `kelviq could not publish ${plan}: the draft has no price, and a plan cannot go live without one.`,
      next: `Open the plan, add at least one price under "prices" (for example a monthly USD price), save, then publish again. ${nothingPublished}`,
    };
  }
  return {
    reason: 'other',
    message: `kelviq refused to publish ${plan}.${quote || ' It did not say why.'}`,
    next: `Fix what it names in the plan, save, then publish again. ${nothingPublished}`,
  };
}

/** The whole explanation as one notification text (plain). */
export function publishErrorText(explanation: PublishExplanation): string {
  return plainText(`${explanation.message} ${explanation.next}`, 1000);
}
