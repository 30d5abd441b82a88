// Draft / published state of a plan, from its versions or from its most recent version alone.
import assert from 'node:assert/strict';
import { PLAN_STATE_LABELS, planStateOf, planStateOfVersions } from '../../../../src/domain/kelviq/plan';

describe('domain/kelviq/plan: plan state', () => {
  it('from versions: published, a draft never published, published with a newer draft', () => {
    assert.equal(planStateOfVersions([{ version: 1, isLatest: true }]), 'published');
    assert.equal(planStateOfVersions([{ version: 1, isLatest: false }]), 'draft');
    assert.equal(planStateOfVersions([{ version: 3, isLatest: false }, { version: 2, isLatest: true }, { version: 1, isLatest: false }]), 'publishedWithDraft');
    assert.equal(planStateOfVersions([{ version: 1, isLatest: false }, { version: 2, isLatest: true }]), 'published', 'an older unpublished version is history, not a draft');
    assert.equal(planStateOfVersions([]), 'draft');
  });

  it('from the most recent version (what the retrieve answers)', () => {
    assert.equal(planStateOf({ version: 3, isLatest: true }), 'published');
    assert.equal(planStateOf({ version: 1, isLatest: false }), 'draft');
    assert.equal(planStateOf({ version: 4, isLatest: false }), 'publishedWithDraft');
    assert.equal(planStateOf({}), 'draft');
  });

  it('labels for tree rows', () => {
    assert.deepEqual(PLAN_STATE_LABELS, { published: 'published', draft: 'draft', publishedWithDraft: 'published, draft pending' });
  });
});
