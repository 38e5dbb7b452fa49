// End-to-end checks of one honest journey (issue 19), on the release bundle in headless
// Chromium: the Raccoons Inc. copy with a failed stability sign shows no healthy colour and no
// "begin" anywhere; a failed pilot gate leads straight to roll back / retrain / repeat, with
// the user's choice of steps and an undo; a Stop's remedy that is a deployment step's content
// is shown read-only, and no button of the panel leads to a locked control; the states are
// axe clean at desktop and phone widths, light and dark.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE, formatViolations, runAxe, sharedApp } from './support.mjs';
import { answer, answerAllHealthy, libraryEntry, openExample, openView, openedId, pollUntil, returnToStart, savedRecords, startAssessment, waitForVerdict } from './flows.mjs';

const TIMEOUT = 120_000;

const { withApp } = sharedApp();

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

/** The colour the panel is drawn in, and the healthy colour, as the page computes them. */
async function colours(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      shown: style.getPropertyValue('--verdict-colour').trim(),
      healthy: getComputedStyle(document.documentElement).getPropertyValue('--ready').trim(),
    };
  });
}

async function assertAxeClean(page, what) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `axe-core violations (${what}, ${viewport.width} px, ${colorScheme}):\n${formatViolations(violations)}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  await page.setViewportSize(DESKTOP);
}

/** Opens the example and saves a copy of it; returns the copy's id. */
async function copyOfExample(page) {
  await openExample(page);
  await page.getByRole('button', { name: 'Copy it as my starting point' }).click();
  await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: 'Copy of Raccoons Incorporated' }).waitFor();
  return openedId(page);
}

describe('one honest journey', () => {
  test('the Raccoons copy with a failed stability sign: no healthy colour and no "begin" anywhere', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const copy = await copyOfExample(page);
      await openView(page, 'stability');
      // Cycle 2 is fully marked: one sign not seen there means something was implemented incorrectly.
      await page.locator('select[data-cycle="2"]').first().selectOption('not_seen');
      await page.locator('section.health[data-health="incorrect"]').waitFor();
      const panel = page.locator('aside#verdict');
      await page.locator('aside#verdict[data-tone="stop"]').waitFor({ state: 'attached' });
      assert.equal(await text(panel.locator('.stage-headline')), 'Fully deployed. Something was implemented incorrectly — 1 of 10 signs not seen by the end of cycle 2');
      // The readiness verdict is the readiness part, not the headline, and says no "begin".
      assert.equal(await text(panel.locator('.verdict-headline')), 'Ready — the preconditions still hold');
      assert.match(await text(panel.locator('[data-next]')), /^Something was implemented incorrectly: work through the diagnosis/);
      const { shown, healthy } = await colours(page, 'aside#verdict');
      assert.notEqual(shown, healthy, 'the panel is drawn in the healthy colour');

      // The phone bar: the same stage, the same tone.
      await page.setViewportSize(PHONE);
      const bar = page.locator('.verdict-bar');
      await bar.waitFor({ state: 'visible' });
      assert.equal(await bar.getAttribute('data-tone'), 'stop');
      assert.equal(await text(page.locator('.verdict-bar-text')), 'Deployed — implemented incorrectly');
      const barColours = await colours(page, '.verdict-bar');
      assert.notEqual(barColours.shown, barColours.healthy, 'the phone bar is drawn in the healthy colour');
      await page.setViewportSize(DESKTOP);

      for (const view of ['stability', 'sequence', 'preconditions', 'report']) {
        await openView(page, view);
        const body = await text(page.locator('body'));
        assert.doesNotMatch(body, /\bbegin\b/i, `"begin" on the ${view} view`);
      }
      const report = page.locator('article.report');
      assert.equal(await report.getAttribute('data-tone'), 'stop');
      assert.match(await text(report.locator('p.report-next')), /^Next: Something was implemented incorrectly/);

      await returnToStart(page);
      const entry = libraryEntry(page, copy);
      assert.equal(await entry.getAttribute('data-tone'), 'stop');
      assert.doesNotMatch(await text(entry), /begin/i);
      const entryColours = await colours(page, `li.library-entry[data-entry="${copy}"]`);
      assert.notEqual(entryColours.shown, entryColours.healthy, 'the library entry is drawn in the healthy colour');
    });
  });

  test('a failed gate leads straight to roll back / retrain / repeat, with the user\'s choice and an undo', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await copyOfExample(page);
      await openView(page, 'preconditions');
      const panel = page.locator('aside#verdict');
      // "Are managers aligned?" not met: the stage says it at once, before anything is recorded.
      await openView(page, 'sequence');
      await answer(page, 'step.full_deployment.managers_aligned', 'no');
      await page.locator('aside#verdict[data-tone="caution"] .stage-line[data-stage="gate-failed"]').waitFor({ state: 'attached' });
      assert.equal(await text(panel.locator('.stage-headline')), 'Pilot gate failed — roll back, retrain, repeat (1 of 6 criteria not met)');
      assert.match(await text(panel.locator('[data-next]')), /^Roll back, retrain, repeat: record pilot iteration 1/);
      assert.equal(await text(page.locator('li.step[data-step="6"] .step-status')), 'Gate failed — roll back');
      // The sequence's badge counts what is done: a failed criterion is not.
      assert.doesNotMatch(await text(page.locator('nav button[data-view="sequence"] .nav-progress')), /(?<!\d)(\d+)\/\1(?!\d)/);

      // Next leads to the gate, where the choice is made.
      await openView(page, 'preconditions');
      await panel.getByRole('button', { name: 'Open the deployment sequence' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'full-deployment-gate');

      // The suggestion (managers not aligned → step 2) is pre-selected; the user chooses.
      const choice = (id) => page.locator(`input[data-retrain-choice="${id}"]`);
      assert.ok(await choice('step.manager_training').isChecked(), 'the suggestion is not pre-selected');
      assert.ok(!(await choice('step.executive_education').isChecked()));
      assert.equal(await page.locator('input[data-retrain-choice="step.pilot"]').count(), 0, 'the pilot is offered for retraining');
      await choice('step.executive_education').check();
      await assertAxeClean(page, 'a failed gate with its choice');
      await page.getByRole('button', { name: 'Record pilot iteration 1: roll back, retrain, repeat' }).click();
      const iteration = page.locator('.iterations li[data-iteration="1"]');
      await iteration.waitFor();
      assert.match(await text(iteration), /Retrained: Step 1 — Executive Education not confirmed yet; Step 2 — Manager Training not confirmed yet\./);
      await page.locator('.stage-line[data-stage="rolled-back"]').waitFor({ state: 'attached' });
      assert.equal(await text(panel.locator('.stage-headline')), 'Rolled back (pilot iteration 1) — retrain Step 1 — Executive Education');

      // Undo: the gate's answers and the evaluation come back; the failure is the stage again.
      await page.getByRole('button', { name: 'Undo pilot iteration 1' }).click();
      await page.locator('.stage-line[data-stage="gate-failed"]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('.iterations li[data-iteration]').count(), 0);
      assert.ok(await page.locator('input[name="step.full_deployment.managers_aligned"][value="no"]').isChecked(), 'the gate answer did not come back');

      // Record again with nothing chosen: straight to repeating the pilot, "repeat", not "retrain".
      await choice('step.manager_training').uncheck();
      await page.getByRole('button', { name: 'Record pilot iteration 1: roll back, retrain, repeat' }).click();
      await page.locator('.stage-line[data-stage="iteration"]').waitFor({ state: 'attached' });
      assert.equal(await text(panel.locator('.stage-headline')), 'Pilot iteration 2 — Step 5 — Pilot Deployment in progress');
      assert.match(await text(panel.locator('[data-next]')), /^Repeat the pilot \(iteration 2\)/);
      assert.doesNotMatch(await text(page.locator('main')), /Pilot Deployment not confirmed|retrain Step 5/);
    });
  });

  test('a Stop: the remedy that is a step\'s content is shown read-only, and no panel button leads to a locked control', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Direct Orders Ltd');
      await answerAllHealthy(page);
      await waitForVerdict(page, 'ready');
      // Ready on no green flag: the verdict stays Ready, with a caution quoting the seed.
      const panel = page.locator('aside#verdict');
      assert.match(await text(panel.locator('[data-caution]')), /Ready, with a caution: 0 of 6 green flags present\..*“Audit is accepted as truth, not punishment\. This is huge\.”/);
      await openView(page, 'preconditions');
      await answer(page, 'precondition.executives.bypassing_managers', 'yes');
      await waitForVerdict(page, 'stop');
      assert.equal(await panel.locator('[data-caution]').count(), 0, 'a caution beside a Stop');
      assert.equal(await panel.getAttribute('data-tone'), 'stop');
      // The seed's remedy is step 1's content: what it covers, read-only, no "Go to".
      const content = panel.locator('li.reason details[data-step-content="step.executive_education"]');
      assert.equal(await content.count(), 1, 'the remedy does not show what step 1 covers');
      await content.locator('summary').click();
      assert.match(await text(content), /role boundaries/);
      assert.equal(await panel.getByRole('button', { name: /^Go to/ }).count(), 0, 'a "Go to" button in the panel');
      assert.equal(await panel.getByRole('button', { name: 'Open the deployment sequence' }).count(), 0, 'the panel leads to the locked sequence');
      assert.match(await text(panel.locator('.panel-section h3').first()), /Next/);
      assert.match(await text(panel), /Why \(1 cause\)/);
      await assertAxeClean(page, 'a Stop with the step content open');
    });
  });

  test('a Stop organisation builds its plan, resolves its causes and reaches Ready; the plan stays, in the record and the report', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Plan Works Ltd');
      await answerAllHealthy(page);
      await openView(page, 'preconditions');
      await answer(page, 'precondition.executives.bypassing_managers', 'yes');
      await answer(page, 'precondition.coe.training_owner', 'no');
      await waitForVerdict(page, 'stop');
      const panel = page.locator('aside#verdict');
      const item = (id) => panel.locator(`li.plan-item[data-plan-item="${id}"]`);
      const bypassing = item('precondition.executives.bypassing_managers');
      const training = item('precondition.coe.training_owner');
      await bypassing.waitFor();
      assert.match(await text(panel.locator('#plan-title')), /Plan before Ready \(2 open of 2\)/);
      assert.equal(await bypassing.getAttribute('data-cause'), 'present');

      // Owner, due date, status and note on the first cause.
      await bypassing.locator(':scope > details > summary').click();
      const field = (id, name) => page.locator(`[id="plan-${id}-${name}"]`);
      const b = 'precondition.executives.bypassing_managers';
      await field(b, 'owner').fill('Ann (COO)');
      await field(b, 'owner').press('Tab');
      await field(b, 'due').fill('2026-12-31');
      await field(b, 'due').dispatchEvent('change');
      await field(b, 'status').selectOption('doing');
      await field(b, 'note').fill('Board session booked');
      await field(b, 'note').press('Tab');
      await page.locator(`li.plan-item[data-plan-item="${b}"][data-plan-status="doing"]`).waitFor({ state: 'attached' });
      assert.match(await text(bypassing.locator(':scope > details > summary')), /Doing, Ann \(COO\), due 2026-12-31/);
      // "Won't do" needs a reason: chosen, then recorded with it.
      await training.locator(':scope > details > summary').click();
      const t = 'precondition.coe.training_owner';
      await field(t, 'status').selectOption('wont_do');
      await field(t, 'reason').fill('Training is outsourced to the group academy');
      await training.getByRole('button', { name: 'Record “won\'t do”' }).click();
      await page.locator(`li.plan-item[data-plan-item="${t}"][data-plan-status="wont_do"]`).waitFor({ state: 'attached' });
      await assertAxeClean(page, 'a plan with its fields open');

      // The cause is resolved: the item stays, asking to be closed; then closed.
      await answer(page, b, 'no');
      await page.locator(`li.plan-item[data-plan-item="${b}"][data-cause="resolved"]`).waitFor({ state: 'attached' });
      assert.match(await text(bypassing.locator(':scope > details > summary')), /Cause resolved — close it\?/);
      assert.equal(await field(b, 'owner').inputValue(), 'Ann (COO)', 'the owner was lost when the cause was resolved');
      await field(b, 'status').selectOption('done');
      await page.locator(`li.plan-item[data-plan-item="${b}"][data-plan-status="done"]`).waitFor({ state: 'attached' });
      assert.doesNotMatch(await text(bypassing.locator(':scope > details > summary')), /close it/);

      // The last cause resolved: Ready, and the plan is still there, in the record and the report.
      await answer(page, t, 'yes');
      await waitForVerdict(page, 'ready');
      assert.match(await text(panel.locator('#plan-title')), /Plan before Ready \(0 open of 2\)/);
      const saved = await pollUntil(
        async () => [...(await savedRecords(page)).values()],
        (records) => records.some((r) => r.assessment?.plan?.[b]?.status === 'done'),
        'the plan in the saved record',
      );
      const record = saved.find((r) => r.assessment?.plan?.[b]);
      assert.equal(record.assessment.plan[b].owner, 'Ann (COO)');
      assert.equal(record.assessment.plan[b].due, '2026-12-31');
      assert.equal(record.assessment.plan[t].reason, 'Training is outsourced to the group academy');
      await openView(page, 'report');
      const plan = await text(page.locator('article.report ul.report-plan'));
      assert.match(plan, /status: Done — owner: Ann \(COO\) — due 2026-12-31 — cause resolved — note: Board session booked/);
      assert.match(plan, /status: Won't do \(Training is outsourced to the group academy\)/);
    });
  });
});
