// End-to-end tests of rounds of re-assessment (issue 22) on the release bundle in headless
// Chromium: three rounds of one organisation from Stop to Ready, read as a user would — the
// "Re-assess…" confirmation, answers carried over and marked "confirm or change", the timeline
// with each round's stage, the changes against any baseline in the seed's terms, the library's
// round, the report (Markdown) and the file (exported, imported elsewhere with its rounds);
// a file whose round dates are broken is refused naming the field, and one dated after today
// opens with a warning; axe-core finds nothing on the rounds panel at desktop and phone widths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatViolations, inFreshContext, PHONE_CONTEXT, runAxe, sharedApp } from './support.mjs';
import {
  answer,
  answerAllHealthy,
  captureDownload,
  importAssessment,
  importFile,
  messageNotice,
  openView,
  openedId,
  radio,
  returnToStart,
  startAssessment,
  todayIso,
  waitForSaved,
  waitForVerdict,
} from './flows.mjs';

const TIMEOUT = 180_000;
const shared = sharedApp();
const { withApp } = shared;

/** Red flag 4 of the seed ("Managers rewrite workflows themselves."), asked as condition 2's. */
const MANAGERS = 'precondition.managers.inventing_workflows';
const ANOTHER = 'precondition.executives.bypassing_managers';

const panel = (page) => page.locator('section.rounds-panel');
const timelineVerdicts = (page) =>
  panel(page).locator('li.round-entry').evaluateAll((items) => items.map((li) => li.dataset.verdict));
const carriedCount = (page) => page.evaluate(() => document.querySelectorAll('.answer-cell .carried-mark').length);
const carriedNote = (page, id) => page.locator(`fieldset.question[data-question="${id}"] p.carried-note`);

/** Re-assesses from the report view, through the confirmation, and waits for the notice. */
async function reassess(page, next) {
  await openView(page, 'report');
  await panel(page).getByRole('button', { name: 'Re-assess…' }).click();
  const ask = panel(page).locator('.round-confirm');
  await page.waitForFunction(() => document.activeElement?.id === 'reassess-confirm');
  const text = (await ask.textContent()).replace(/\s+/g, ' ');
  assert.match(text, new RegExp(`Close round ${next - 1} as of ${todayIso()} and start round ${next}\\?`), text);
  await ask.getByRole('button', { name: `Start round ${next}` }).click();
  await messageNotice(page).filter({ hasText: `Round ${next} started.` }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'rounds-title');
}

/** The change sentences listed under "What changed". */
const changes = (page) =>
  panel(page).locator('ul.round-changes li').evaluateAll((items) =>
    items.map((li) => ({ item: li.dataset.item, direction: li.dataset.direction, text: li.querySelector('strong').textContent })),
  );

/** Three rounds of one organisation, Stop → Hold → Ready; returns the saved record's id. */
async function threeRounds(page, organisation) {
  await startAssessment(page, organisation);
  await answerAllHealthy(page);
  await openView(page, 'preconditions');
  await answer(page, MANAGERS, 'yes');
  await waitForVerdict(page, 'stop');
  const id = await openedId(page);

  await reassess(page, 2);
  await openView(page, 'preconditions');
  const note = carriedNote(page, MANAGERS);
  assert.match((await note.textContent()).replace(/\s+/g, ' '), /From round 1 — confirm or change\./);
  await answer(page, MANAGERS, 'not_sure');
  await note.waitFor({ state: 'detached' });
  await waitForVerdict(page, 'hold');

  await reassess(page, 3);
  await openView(page, 'preconditions');
  await answer(page, MANAGERS, 'no');
  await waitForVerdict(page, 'ready');
  // An untouched answer still says where it came from; "Confirm" keeps it as this round's.
  const other = carriedNote(page, ANOTHER);
  assert.match(await other.textContent(), /From round 1/, 'an answer never touched keeps the round it was given in');
  await other.getByRole('button', { name: /^Confirm/ }).click();
  await other.waitFor({ state: 'detached' });
  assert.ok(await radio(page, ANOTHER, 'no').isChecked(), 'confirming keeps the answer');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${ANOTHER}-no`, 'focus stays on the confirmed answer');
  await waitForSaved(page, id, (r) => r.assessment.rounds?.length === 2 && !(ANOTHER in r.assessment.carried), 'the rounds saved');
  return id;
}

describe('three rounds of one organisation, from Stop to Ready', () => {
  test('the timeline, the changes against any baseline, the library, the report and the file', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const ORG = 'Rounds Removals Ltd';
      const id = await threeRounds(page, ORG);
      await openView(page, 'report');
      assert.deepEqual(await timelineVerdicts(page), ['stop', 'hold', 'ready']);
      const titles = await panel(page).locator('li.round-entry .round-title').allTextContents();
      assert.deepEqual(titles.map((t) => t.replace(/\s+/g, ' ').trim()), [
        `Round 1 · closed ${todayIso()}`,
        `Round 2 · closed ${todayIso()}`,
        `Round 3 (in progress) · started ${todayIso()}`,
      ]);

      // By default: the round in progress since the one before.
      assert.deepEqual(await changes(page), [
        { item: 'precondition.managers', direction: 'better', text: 'Condition 2 now holds (round 2: not known; round 3: holds).' },
        { item: 'red_flag.managers_rewrite_workflows', direction: 'better', text: 'Red flag 4 cleared (round 2: not known; round 3: absent).' },
      ]);
      await panel(page).locator('#round-baseline').selectOption('1');
      await panel(page).locator('ul.round-changes li', { hasText: 'Red flag 4 cleared (round 1: present; round 3: absent).' }).waitFor();
      assert.equal(await panel(page).locator('.round-count').textContent(), '1 answer differs.');
      await panel(page).locator('#round-compared').selectOption('2');
      await panel(page).locator('ul.round-changes li', { hasText: 'Red flag 4 is no longer known (not sure or unanswered) (round 1: present; round 2: not known).' }).waitFor();
      assert.deepEqual((await changes(page)).map((c) => c.direction), ['open', 'open']);

      // The same two rounds side by side, in the comparison view.
      await panel(page).getByRole('button', { name: 'Compare round 1 and round 2 side by side' }).click();
      await page.waitForFunction((want) => window.location.hash === want, `#/compare/r:${id}:1/r:${id}:2`);
      const heading = page.locator('main h1');
      await heading.filter({ hasText: `${ORG}, round 1 (closed ${todayIso()})` }).waitFor();
      assert.match(await heading.textContent(), new RegExp(`${ORG}, round 2 \\(closed ${todayIso()}\\)`));
      assert.match(await page.locator('.compare-count').textContent(), /^1 item differs\.$/);
      await page.goBack();
      await panel(page).waitFor();

      // Confirm the rest at once.
      const all = panel(page).locator('#confirm-all-carried');
      assert.match(await all.textContent(), /^Confirm all \d+ carried-over answers as they are$/);
      assert.ok(await carriedCount(page) > 1);
      await all.click();
      await messageNotice(page).filter({ hasText: 'carried-over answers confirmed' }).waitFor();
      await all.waitFor({ state: 'detached' });
      assert.equal(await carriedCount(page), 0, 'the report marks no answer as carried any more');

      // The report carries the rounds.
      const md = await captureDownload(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
      assert.match(md.text, /## Rounds\n\n- \*\*Round 1\*\* \(closed \d{4}-\d{2}-\d{2}\): Stop/);
      assert.match(md.text, /- \*\*Round 3 \(in progress\)\*\* \(started \d{4}-\d{2}-\d{2}\): Ready/);
      assert.match(md.text, /### Changes since round 2\n\n- Condition 2 now holds \(round 2: not known; round 3: holds\)\.\n- Red flag 4 cleared \(round 2: not known; round 3: absent\)\./);
      const printed = (await page.locator('article.report section.report-rounds').textContent()).replace(/\s+/g, ' ');
      assert.match(printed, /Changes since round 2 ?Condition 2 now holds \(round 2: not known; round 3: holds\)\./);

      // Read-only (the example): no way to re-assess, and nothing asks to confirm.
      await page.goto(`${shared.server().url}#/example/report`);
      await panel(page).waitFor();
      assert.equal(await panel(page).getByRole('button', { name: 'Re-assess…' }).count(), 0);
      assert.equal(await panel(page).getByRole('button', { name: 'Re-assess…' }).isVisible().catch(() => false), false);
      assert.match(await panel(page).textContent(), /This assessment has one round/);

      // The library names the round.
      await returnToStart(page);
      const entry = page.locator(`li.library-entry[data-entry="${id}"] .entry-meta`);
      assert.match((await entry.textContent()).replace(/\s+/g, ' '), / · round 3/);

      // The file keeps the rounds, and they open on another machine.
      await page.locator(`li.library-entry[data-entry="${id}"] button.entry-name`).click();
      await openView(page, 'report');
      const download = await captureDownload(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click());
      const file = JSON.parse(download.text);
      assert.equal(file.version, 5);
      assert.equal(file.assessment.rounds.length, 2);
      assert.equal(file.assessment.rounds[0].assessment.answers[MANAGERS], 'yes');
      assert.deepEqual(Object.keys(file.assessment.rounds[0].assessment.notes), [], 'a closed round keeps no notes');
      await inFreshContext(shared.browser(), shared.server().url, async ({ page: other }) => {
        await importAssessment(other, file, 'rounds.json');
        await openView(other, 'report');
        assert.deepEqual(await timelineVerdicts(other), ['stop', 'hold', 'ready']);
      }, { timeout: 10_000 });
    });
  });

  test('a file with broken round dates is refused naming the field; a date after today opens with a warning', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const base = (rounds, started) => ({
        format: 'koom-readiness/assessment',
        version: 4,
        assessment: {
          organisation: 'Dated Deliveries',
          answers: { [MANAGERS]: 'no' },
          rounds,
          round_started: started,
        },
      });
      const round = (date) => ({ date, assessment: { answers: { [MANAGERS]: 'yes' } } });
      await importFile(page, 'bad.json', JSON.stringify(base([round('2026-13-40')], '2026-12-01')));
      const refused = page.locator('#import-error');
      await refused.filter({ hasText: 'file.assessment.rounds[0].date should be a date written as 2026-12-31, but is “2026-13-40”' }).waitFor();
      await importFile(page, 'order.json', JSON.stringify(base([round('2026-10-01'), round('2026-09-01')], '2026-12-01')));
      await refused.filter({ hasText: 'file.assessment.rounds[1].date should be a date no earlier than the round before, but is “2026-09-01”' }).waitFor();
      assert.equal(await page.locator('li.library-entry').count(), 0, 'nothing was imported');

      const future = `${Number(todayIso().slice(0, 4)) + 2}-01-01`;
      await importAssessment(page, base([round('2026-01-01')], future), 'future.json');
      await openView(page, 'report');
      const warning = panel(page).locator('.limit-hint');
      assert.match(await warning.textContent(), new RegExp(`Round 2 is dated ${future}, after today on this computer`));
      // A new round dated before the one in progress is refused, and nothing changes.
      await panel(page).getByRole('button', { name: 'Re-assess…' }).click();
      await panel(page).getByRole('button', { name: 'Start round 3' }).click();
      await messageNotice(page).filter({ hasText: `is before the latest round (${future}): check this computer's date. Nothing was changed.` }).waitFor();
      assert.equal(await panel(page).locator('li.round-entry').count(), 2);
    });
  });
});

for (const [width, contextOptions] of [
  ['desktop', undefined],
  ['phone, 390 px', PHONE_CONTEXT],
]) {
  describe(`the rounds panel is accessible (${width})`, () => {
    test('axe-core finds nothing on the report with three rounds; nothing scrolls sideways', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        await threeRounds(page, 'Axe Rounds Co');
        await openView(page, 'report');
        await panel(page).getByRole('button', { name: 'Re-assess…' }).click();
        const violations = await runAxe(page);
        assert.deepEqual(violations, [], formatViolations(violations));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      }, { contextOptions });
    });
  });
}
