// Comparing more than two assessments (issue 21): three rounds or three colleagues side by side,
// up to six (src/domain/rules/compare.rs, MAX_COMPARED). A side is added from the comparison and
// removed from its card; the address lists every side (`#/compare/<a>/<b>/<c>`, a two-side
// address unchanged); the table has one column per side, the count says on how many items not
// all sides agree, a problem is marked on its own side; on a 390 px phone a table of three or
// more columns scrolls inside its own box, never the page; an address with a side twice, too
// many sides, a side it cannot name or only one side says why and shows the start screen.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE_CONTEXT, formatViolations, runAxe, sharedApp } from './support.mjs';
import {
  RECORD_PREFIX,
  answer,
  exportExampleFile,
  messageNotice,
  openView,
  openedId,
  pollUntil,
  readinessModel,
  returnToStart,
  savedRecordText,
  stampedDay,
  waitForSaved,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 120_000;
const shared = sharedApp();
const { withApp } = shared;

const EXAMPLE = 'Raccoons Incorporated (example)';
/** The most sides one comparison shows (src/domain/rules/compare.rs, MAX_COMPARED). */
const MAX_COMPARED = 6;

/** Starts an assessment with an assessor, from the start screen. */
async function startWith(page, organisation, assessor) {
  await returnToStart(page);
  await page.locator('#org-name').fill(organisation);
  await page.locator('#assessor').fill(assessor);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await waitForView(page, 'preconditions');
}

const fragment = (page) => page.evaluate(() => window.location.hash);

/** The name an assessment of today (or yesterday, across midnight) is shown under. */
const named = (shown, prefix, what) => `${prefix}, ${stampedDay(shown, (d) => `${prefix}, ${d}`, what)}`;

/** Axe-core violations, and on a phone how far the page scrolls sideways. */
async function problemsOf(page, label, phone) {
  const problems = [];
  const violations = await runAxe(page);
  if (violations.length) problems.push(`${label}: ${violations.length} axe-core violation(s)\n${formatViolations(violations)}`);
  if (phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
  }
  return problems;
}

for (const [width, options, phone] of [
  ['desktop', undefined, false],
  ['phone, 390 px', { contextOptions: PHONE_CONTEXT }, true],
]) {
  describe(`three assessments compared (${width})`, () => {
    test('a third side is added from the comparison and removed from its card; the address follows', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        const { redFlags } = readinessModel();
        const flag = redFlags.find((f) => !f.shared);

        // Two colleagues' views of one organisation; Ann reports a red flag.
        await startWith(page, 'Nordwind Logistics', 'Ann Berg');
        const ann = await openedId(page);
        await openView(page, 'red-flags');
        await answer(page, flag.question, 'yes');
        await waitForSaved(page, ann, (r) => r.assessment.answers[flag.question] === 'yes');
        await startWith(page, 'Nordwind Logistics', 'Ben Carter');
        const ben = await openedId(page);

        // From Ben's report: compare with Ann's (two sides, as before).
        await openView(page, 'report');
        const picker = page.locator('.compare-from-report .compare-picker');
        await picker.locator('select').selectOption(`a:${ann}`);
        await picker.getByRole('button', { name: 'Compare' }).click();
        const article = page.locator('article.compare');
        await article.locator('.compare-verdicts .card').nth(1).waitFor();
        assert.equal(await fragment(page), `#/compare/a:${ann}/a:${ben}`);
        assert.equal(await article.getAttribute('data-sides'), '2');
        assert.equal(await article.getByRole('button', { name: /from the comparison$/ }).count(), 0, 'a side of two can be removed');
        assert.equal(await article.locator('.compare-scroll').count(), 0, 'two sides are boxed for scrolling');

        // Add the example as the third side.
        const add = article.locator('.compare-add .compare-picker');
        assert.equal((await add.locator('label').textContent()).trim(), 'Add to the comparison');
        const offered = await add.locator('select option').evaluateAll((list) => list.map((o) => o.value));
        assert.deepEqual(offered, ['example'], 'the add list offers a side already compared, or misses the example');
        await add.locator('select').selectOption('example');
        await add.getByRole('button', { name: 'Add' }).click();
        await page.locator('article.compare[data-sides="3"]').waitFor();
        assert.equal(await fragment(page), `#/compare/a:${ann}/a:${ben}/example`);

        // One card per side, named by organisation, assessor and date.
        const cards = await article.locator('.compare-verdicts .card').evaluateAll((list) =>
          list.map((card) => [card.dataset.side, card.dataset.verdict, card.querySelector('h2').textContent.trim()]),
        );
        assert.equal(cards.length, 3, JSON.stringify(cards));
        const annName = named(cards[0][2], 'Nordwind Logistics — Ann Berg', "Ann's name");
        const benName = named(cards[1][2], 'Nordwind Logistics — Ben Carter', "Ben's name");
        assert.deepEqual(cards.map(([side, , name]) => [side, name]), [['1', annName], ['2', benName], ['3', EXAMPLE]]);
        assert.equal(cards[0][1], 'stop');
        assert.equal(cards[2][1], 'ready');
        const names = `${annName}, ${benName} and ${EXAMPLE}`;
        assert.equal((await article.locator('h1').textContent()).trim(), names);
        assert.equal(await page.title(), `Compare — ${names} — KOOM Readiness`);

        // Every table: one column per side; the red flag marked a problem on Ann's side only.
        const headers = await article.locator('table thead').first().locator('th').allTextContents();
        assert.deepEqual(headers.map((h) => h.trim()), ['Item', annName, benName, EXAMPLE]);
        const row = article.locator(`tr[data-item="${flag.question}"]`);
        assert.deepEqual(
          (await row.locator('td').allTextContents()).slice(1).map((t) => t.trim()),
          ['Yes Problem', 'Unanswered', 'No'],
        );
        assert.deepEqual(await row.locator('td').evaluateAll((tds) => tds.map((td) => td.dataset.finding ?? null)), [null, 'problem', null, null]);
        // The count: items on which not all three agree, one row each.
        const rows = await article.locator('tr[data-item]').count();
        assert.ok(rows > 10, `only ${rows} rows`);
        assert.equal(await article.getAttribute('data-differences'), String(rows));
        assert.equal((await article.locator('.compare-count').textContent()).trim(), `${rows} items on which not all 3 assessments agree.`);

        // Each table of three columns sits in its own named, focusable box; on a phone it
        // scrolls there, and the page does not.
        const boxes = await article.locator('.compare-scroll').evaluateAll((list) =>
          list.map((box) => ({
            role: box.getAttribute('role'),
            label: box.getAttribute('aria-label'),
            tabindex: box.getAttribute('tabindex'),
            scrolls: box.scrollWidth > box.clientWidth,
          })),
        );
        assert.equal(boxes.length, await article.locator('table').count());
        for (const box of boxes) {
          assert.equal(box.role, 'region');
          assert.match(box.label, /^§\d /);
          assert.equal(box.tabindex, '0');
          assert.equal(box.scrolls, phone, `${box.label}: scrolls inside its box ${box.scrolls}, expected ${phone}`);
        }
        if (phone) {
          // Scrolled to its end, the last side's column is in view.
          const box = article.locator('.compare-scroll').first();
          await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
          const [boxRight, cellRight] = await box.evaluate((el) => [
            el.getBoundingClientRect().right,
            el.querySelector('thead th:last-child').getBoundingClientRect().right,
          ]);
          assert.ok(Math.abs(boxRight - cellRight) < 3, `the last column ends at ${cellRight}, its box at ${boxRight}`);
        }
        const problems = await problemsOf(page, 'Three sides', phone);
        assert.equal(problems.length, 0, problems.join('\n'));

        // Every assessment of the library is compared: the add list says so.
        assert.equal(
          (await article.locator('.compare-add').textContent()).trim(),
          'Every assessment of this browser is in the comparison.',
        );

        // Remove Ben's side: two sides again, at their own address.
        await article.getByRole('button', { name: `Remove ${benName} from the comparison` }).click();
        await page.locator('article.compare[data-sides="2"]').waitFor();
        assert.equal(await fragment(page), `#/compare/a:${ann}/example`);
        assert.deepEqual(
          (await article.locator('.compare-verdicts .card h2').allTextContents()).map((n) => n.trim()),
          [annName, EXAMPLE],
        );
        assert.match((await article.locator('.compare-count').textContent()).trim(), /^\d+ items differ\.$/);
        assert.equal(await article.getByRole('button', { name: /from the comparison$/ }).count(), 0);

        // Back: the three sides again.
        await page.goBack();
        await page.locator('article.compare[data-sides="3"]').waitFor();
        assert.equal(await fragment(page), `#/compare/a:${ann}/a:${ben}/example`);
      }, options);
    });
  });
}

describe('six assessments compared', () => {
  test('six sides from one address; no seventh can be added', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const file = await exportExampleFile(page);
      const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];
      await page.evaluate(
        (records) => { for (const [key, text] of records) localStorage.setItem(key, text); },
        ids.map((id, i) => [RECORD_PREFIX + id, savedRecordText(id, { ...file.assessment, organisation: `Round ${i + 1}`, assessor: '' })]),
      );
      await returnToStart(page);
      await page.reload({ waitUntil: 'load' });
      const address = `#/compare/${ids.map((id) => `a:${id}`).join('/')}/example`;
      await page.goto(`${shared.server().url}${address}`);
      const article = page.locator(`article.compare[data-sides="${MAX_COMPARED}"]`);
      await article.waitFor();
      assert.equal(await fragment(page), address);
      assert.equal(await article.locator('.compare-verdicts .card').count(), MAX_COMPARED);
      assert.equal((await article.locator('.compare-count').textContent()).trim(), `All ${MAX_COMPARED} assessments agree on every item.`);
      assert.equal(await article.locator('.compare-add .compare-picker').count(), 0, 'a seventh side can be added');
      assert.equal(
        (await article.locator('.compare-add').textContent()).trim(),
        `${MAX_COMPARED} assessments are compared, the most one comparison shows: remove one to add another.`,
      );
      assert.equal(await article.getByRole('button', { name: /from the comparison$/ }).count(), MAX_COMPARED);
      const problems = await problemsOf(page, 'Six sides', false);
      assert.equal(problems.length, 0, problems.join('\n'));
    });
  });
});

describe('a comparison address that cannot be shown', () => {
  test('a side twice, too many sides, a side it cannot name, one side: each says why, on the start screen', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const seven = Array.from({ length: MAX_COMPARED + 1 }, (_, i) => `a:x${i + 1}`).join('/');
      const cases = [
        ['example/a:x1/example', 'the address names the same assessment twice (assessments 1 and 3)'],
        [seven, `the address names ${MAX_COMPARED + 1} assessments; one comparison shows at most ${MAX_COMPARED}`],
        ['example/a:x1/b:y', 'assessment 3 in the address (“b:y”) is not one KOOM Readiness can name'],
        ['example', 'the address names 1 assessment; a comparison needs 2 or more'],
      ];
      for (const [sides, reason] of cases) {
        await returnToStart(page);
        await page.goto(`${shared.server().url}#/compare/${sides}`);
        const expected = `The comparison could not be shown: ${reason}.`;
        await pollUntil(
          async () => ((await messageNotice(page).count()) ? (await messageNotice(page).locator('p').textContent()).trim() : null),
          (text) => text === expected,
          `the message for #/compare/${sides}`,
        );
        await page.locator('#org-name').waitFor({ state: 'visible' });
        assert.equal(await page.locator('article.compare').count(), 0);
        await page.waitForTimeout(200);
        assert.equal(await fragment(page), '#/', `${sides}: the address still names the comparison`);
      }
    });
  });
});
