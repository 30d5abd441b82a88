// writePlan with file changes, over loopback to the sandbox with the real kelviq client: on a
// published plan the first call makes the draft, whose copies of the files have new ids; the plan
// is read again and each file call goes to its copy (matched by the stored `file`), removals last.
// Where the copies do not keep their stored file (a kelviq that did otherwise than assumed), the
// file call is not sent and the save stops as a partial save, saying why.
import assert from 'node:assert/strict';
import type { CallOptions } from '../../../../src/api';
import { diffJson, isPartialSaveError, type JsonObject, type SaveRequest } from '../../../../src/domain/document';
import { planModel, readPlan, writePlan, type PlanApi, type PlanObject } from '../../../../src/domain/kelviq/plan';
import { filesFromKeys } from '../../../../sandbox/planStore';
import { useSandboxClient } from '../../api/support';

const PLAN = 'pro-annual';

function request(theirs: PlanObject, mine: JsonObject): SaveRequest<PlanObject> {
  const from = planModel.editableView(theirs);
  const to = planModel.editableView(mine);
  return { theirs, from, to, changes: diffJson(from, to, planModel.mergeRules) };
}

describe('domain/kelviq/plan: writePlan with files (sandbox)', () => {
  const ctx = useSandboxClient();

  /** pro-annual, published, with a second file: [terms, sla]. */
  async function published(): Promise<PlanObject> {
    const record = ctx.sandbox.store.plans.get(PLAN)!;
    const version = ctx.sandbox.store.plans.version(record)!;
    version.files.push(...filesFromKeys(PLAN, ['tmp/k/sla.pdf'], version.files));
    const plan = await readPlan<CallOptions>(ctx.t.client, PLAN, {});
    assert.equal(plan.isLatest, true);
    assert.equal((plan.files as unknown[]).length, 2);
    return plan;
  }

  /** The description changed, the first file renamed and disabled, the second removed. */
  function edited(plan: PlanObject): JsonObject {
    const [first] = plan.files as JsonObject[];
    return { ...plan, description: 'With terms', files: [{ ...first, name: 'Terms (v2).txt', enabled: false }] };
  }

  it('a published plan: PATCH plan (the draft), the plan read again, PATCH and DELETE of the draft\'s copies; the published version keeps its files', async () => {
    const theirs = await published();
    const [terms, sla] = theirs.files as JsonObject[];
    ctx.sandbox.journal.clear();
    const result = await writePlan<CallOptions>(ctx.t.client, PLAN, request(theirs, edited(theirs)), {}, {});
    const writes = ctx.sandbox.journal.find().filter((e) => e.method !== 'GET' || e.path === `/api/v1/catalog/plans/${PLAN}/`).map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}')}`);
    assert.deepEqual(writes.slice(0, 4), [
      `PATCH /api/v1/catalog/plans/${PLAN}/`,
      `GET /api/v1/catalog/plans/${PLAN}/`,
      `PATCH /api/v1/catalog/plans/${PLAN}/file/{id}/`,
      `DELETE /api/v1/catalog/plans/${PLAN}/file/{id}/`,
    ]);
    const sent = ctx.sandbox.journal.find('PATCH', '/file/').concat(ctx.sandbox.journal.find('DELETE', '/file/')).map((e) => e.path);
    assert.ok(sent.every((p) => !p.includes(String(terms!.id)) && !p.includes(String(sla!.id))), `the published ids are not sent: ${sent.join(', ')}`);
    assert.deepEqual([result.isLatest, result.version, result.description], [false, 2, 'With terms']);
    assert.deepEqual((result.files as JsonObject[]).map((f) => [f.name, f.enabled, f.file]), [['Terms (v2).txt', false, terms!.file]]);
    const record = ctx.sandbox.store.plans.get(PLAN)!;
    assert.deepEqual(ctx.sandbox.store.plans.version(record, 1)!.files.map((f) => f.name), ['pulseboard-pro-terms.txt', 'sla.pdf']);
  });

  it('a draft\'s copies with other stored files: the file calls are not sent, and the save stops saying what landed and why', async () => {
    const theirs = await published();
    let wrote = false;
    const client = ctx.t.client;
    // A kelviq that gives the draft's copies new stored files (not what the sandbox does).
    const api: PlanApi<CallOptions> = {
      getPlan: async (identifier, options) => {
        const plan = await client.getPlan(identifier, options);
        return wrote ? { ...plan, files: (plan.files ?? []).map((f) => ({ ...f, file: `${f.file ?? ''}-copy` })) } : plan;
      },
      listAllFeatures: (o) => client.listAllFeatures(o),
      listAllPlanPrices: (i, o) => client.listAllPlanPrices(i, o),
      listAllPlanEntitlements: (i, o) => client.listAllPlanEntitlements(i, o),
      updatePlan: async (i, p, o) => {
        wrote = true;
        return client.updatePlan(i, p, o);
      },
      setPlanPrices: (i, p, o) => client.setPlanPrices(i, p, o),
      addPlanEntitlements: (i, e, o) => client.addPlanEntitlements(i, e, o),
      updatePlanEntitlement: (i, f, d, o) => client.updatePlanEntitlement(i, f, d, o),
      removePlanEntitlement: (i, f, o) => client.removePlanEntitlement(i, f, o),
      updatePlanFile: (i, f, p, o) => client.updatePlanFile(i, f, p, o),
      deletePlanFile: (i, f, o) => client.deletePlanFile(i, f, o),
    };
    const err = await writePlan<CallOptions>(api, PLAN, request(theirs, edited(theirs)), {}, {}).then(
      () => assert.fail('expected a partial save'),
      (e: unknown) => e,
    );
    assert.ok(isPartialSaveError(err), String(err));
    assert.match(err.message, /^Saved the plan's description\. Not saved: the name and enabled of the file “pulseboard-pro-terms\.txt”; the removal of the file “sla\.pdf”\./);
    assert.match(err.message, /Assumed: a draft's copy of a file keeps its `file`; this kelviq did not\./);
    assert.equal(ctx.sandbox.journal.find('PATCH', '/file/').length + ctx.sandbox.journal.find('DELETE', '/file/').length, 0);
  });
});
