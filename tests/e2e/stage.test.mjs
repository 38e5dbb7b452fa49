// End-to-end checks that the app says where an organisation is now, and nothing untrue, on the
// release bundle in headless Chromium: the deployed Raccoons Inc. example (and a copy of it)
// is "fully deployed, healthy" in the verdict panel, the phone's verdict bar, the report and
// the library, never "begin the deployment sequence"; the panel offers no button to the page
// already open; a blank assessment shows a hollow green dot at zero green flags, a green flag
// answered "No" a neutral badge, and a Hold's open questions grouped by item. Every test also
// checks that the page stayed clean (no console errors, no failed or external requests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, PHONE, sharedApp } from './support.mjs';
import { answer, libraryEntry, openExample, openView, openedId, returnToStart, startAssessment, waitForVerdict } from './flows.mjs';

const TIMEOUT = 90_000;
const READY_HEADLINE = 'Ready — begin the deployment sequence';
const DEPLOYED_HEALTHY = 'Fully deployed. Healthy deployment — all ten signs seen by cycle 2';

const { withApp } = sharedApp();

const text = async (locator) => (await locator.textContent()).trim();

/** Checks every "where we are now" of the open assessment says `stage` (token `token`). */
async function assertStage(page, { stage, token, short }, what) {
  const line = page.locator('aside#verdict .stage-line');
  await line.waitFor();
  assert.equal(await line.getAttribute('data-stage'), token, `${what}: the panel's stage`);
  assert.equal(await text(line.locator('.eyebrow')), 'Where we are now');
  assert.equal(await text(line.locator('.stage-headline')), stage, `${what}: the panel's "where we are now"`);
  const bar = page.locator('.verdict-bar-text');
  assert.equal(await bar.getAttribute('data-stage'), token, `${what}: the phone bar's stage`);
  assert.equal(await text(bar), short, `${what}: the phone bar's line`);
  for (const shown of [await text(line), await text(bar)]) {
    assert.ok(!shown.includes(READY_HEADLINE), `${what}: "${READY_HEADLINE}" shown as where we are now`);
  }
}

describe('where we are now', () => {
  test('the deployed example is "fully deployed, healthy" in the panel, the phone bar, the report and the library', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const expected = { stage: DEPLOYED_HEALTHY, token: 'deployed-healthy', short: 'Deployed — healthy' };
      await openExample(page);
      await waitForVerdict(page, 'ready');
      await assertStage(page, expected, 'the example');
      // The stage comes first in the panel, above the readiness verdict.
      const order = await page
        .locator('aside#verdict .verdict-summary > *')
        .evaluateAll((children) => children.map((child) => child.className || child.tagName));
      assert.equal(order[0], 'stage-line', `the panel does not start with where we are now: ${order.join(', ')}`);
      // Deployed, the readiness verdict no longer tells the user to start at step 1.
      const explanation = await text(page.locator('aside#verdict .verdict-explanation'));
      assert.ok(!/step 1/i.test(explanation), `the deployed example's verdict still says to start at step 1: ${explanation}`);
      assert.match(explanation, /Where we are now/);

      // On a phone, the fixed bar shows the stage.
      await page.setViewportSize(PHONE);
      const bar = page.locator('.verdict-bar-text');
      await bar.waitFor({ state: 'visible' });
      assert.equal(await text(bar), 'Deployed — healthy');
      await page.setViewportSize(DESKTOP);

      // "Next" leads to the stability view, but offers no button to it once it is open.
      const openStability = page.locator('aside#verdict').getByRole('button', { name: 'Open stability' });
      assert.equal(await openStability.count(), 1, 'the panel of a deployed assessment does not lead to the stability view');
      await openStability.click();
      await page.locator('nav[aria-label="Assessment sections"] button[data-view="stability"][aria-current="page"]').waitFor({ state: 'attached' });
      await page.locator('section.health[data-health="healthy"]').waitFor();
      assert.equal(await openStability.count(), 0, 'the panel offers "Open stability" on the stability view');
      assert.equal(
        await page.locator('aside#verdict').getByRole('button', { name: /^Open / }).count(),
        0,
        'the panel offers a button to the page already open',
      );

      // The report says it under the title.
      await openView(page, 'report');
      const reportStage = page.locator('article.report p.report-stage');
      assert.equal(await reportStage.getAttribute('data-stage'), 'deployed-healthy');
      assert.equal(await text(reportStage), `Where we are now: ${DEPLOYED_HEALTHY}`);
      const reportText = await text(page.locator('article.report'));
      assert.ok(!/Start with step 1/.test(reportText), 'the report of the deployed example says to start with step 1');

      // A copy is the same deployment: its panel and its library entry say so.
      await page.getByRole('button', { name: 'Copy it as my starting point' }).click();
      await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: 'Copy of Raccoons Incorporated' }).waitFor();
      const copy = await openedId(page);
      await assertStage(page, expected, 'the copy');
      await returnToStart(page);
      const chip = libraryEntry(page, copy).locator('.verdict-chip');
      assert.equal(await text(chip), DEPLOYED_HEALTHY, "the library entry of the copy does not say where it is");
      assert.notEqual(await text(chip), READY_HEADLINE);
    });
  });

  test('a blank assessment: no stage before the sequence, a hollow dot at 0 green flags, a neutral "not present", open questions grouped', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Blank Slate Ltd');
      await waitForVerdict(page, 'hold');
      const panel = page.locator('aside#verdict');
      // Before the sequence starts, the readiness verdict is where we are: no stage line.
      assert.equal(await panel.locator('.stage-line').count(), 0, 'a stage line before the sequence has started');
      assert.equal(await page.locator('.verdict-bar-text').getAttribute('data-stage'), 'hold');
      assert.equal(await text(page.locator('.verdict-bar-text')), 'Hold — find out first');

      // Zero green flags: the dot beside the count is hollow.
      const greens = panel.locator('.green-summary');
      assert.equal(await text(greens), '0 of 6 green flags present');
      assert.equal(await greens.locator('.green-dot.none').count(), 1, 'the green dot is filled at 0 green flags');

      // A Hold lists its open questions grouped by item, each with details on demand.
      const groups = panel.locator('li.open-group');
      const items = await groups.evaluateAll((lis) => lis.map((li) => li.dataset.reasonItem));
      assert.ok(items.length > 0, 'a blank assessment lists nothing open');
      assert.equal(new Set(items).size, items.length, `an item is listed twice: ${items.join(', ')}`);
      assert.equal(await groups.locator('details').count(), items.length, 'an open group has no details');

      // A green flag answered "No" is not a problem: a neutral badge, and the dot stays hollow.
      await openView(page, 'green-flags');
      const flags = await page.locator('main fieldset.question').evaluateAll((sets) => sets.map((f) => f.dataset.question));
      assert.equal(flags.length, 6);
      await answer(page, flags[0], 'no');
      const first = page.locator(`fieldset.question[data-question="${flags[0]}"]`);
      assert.equal(await first.locator('.badge-neutral').count(), 1, 'no neutral badge on a green flag answered "No"');
      assert.equal(await text(first.locator('.badge-neutral')), 'Not present');
      assert.equal(await page.locator('main .badge-problem').count(), 0, 'a green flag not present is shown as a problem');
      assert.equal(await greens.locator('.green-dot.none').count(), 1);
      // One present: the dot fills.
      await answer(page, flags[1], 'yes');
      await page.locator('aside#verdict .green-summary .green-dot:not(.none)').waitFor({ state: 'attached' });
      assert.equal(await text(greens), '1 of 6 green flags present');
      await waitForVerdict(page, 'hold');
    });
  });
});
