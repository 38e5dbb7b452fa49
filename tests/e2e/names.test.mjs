// Names (issue 21): two assessments of one organisation are told apart in every picker and in
// the comparison by assessor and date (src/domain/records.rs, `assessment_label`), and the page
// title names the view and the assessment on screen (`page_title`, set through the browser
// layer), at desktop and phone width.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE_CONTEXT, sharedApp } from './support.mjs';
import { openExample, openView, openedId, pollUntil, readinessModel, returnToStart, stampedDay, waitForSaved, waitForView } from './flows.mjs';

const TIMEOUT = 90_000;
const { withApp } = sharedApp();

/** Starts an assessment with an assessor, from the start screen. */
async function startWith(page, organisation, assessor) {
  await returnToStart(page);
  await page.locator('#org-name').fill(organisation);
  await page.locator('#assessor').fill(assessor);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await waitForView(page, 'preconditions');
}

for (const [width, options] of [['desktop', undefined], ['phone', { contextOptions: PHONE_CONTEXT }]]) {
  describe(`names (${width})`, () => {
    test('pickers and the comparison name each assessment by organisation, assessor and date', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        await startWith(page, 'Nordwind Logistics', 'Ann Berg');
        await startWith(page, 'Nordwind Logistics', 'Ben Carter');
        await openView(page, 'report');
        const picker = page.locator('.compare-picker').first();
        const options = await picker.locator('select option').allTextContents();
        const annShown = options.map((o) => o.trim()).find((o) => o.startsWith('Nordwind Logistics — Ann Berg, ')) ?? '';
        const ann = `Nordwind Logistics — Ann Berg, ${stampedDay(annShown, (d) => `Nordwind Logistics — Ann Berg, ${d}`, 'the picker entry')}`;
        assert.ok(options.map((o) => o.trim()).includes(ann), `the picker does not list "${ann}": ${JSON.stringify(options)}`);
        await picker.locator('select').selectOption({ label: ann });
        await picker.getByRole('button', { name: 'Compare' }).click();
        await page.locator('article.compare').waitFor();
        const names = (await page.locator('.compare-verdicts .card h2').allTextContents()).map((n) => n.trim()).sort();
        assert.equal(names.length, 2, `two assessments compared: ${names}`);
        assert.equal(names[0], ann);
        const ben = `Nordwind Logistics — Ben Carter, ${stampedDay(names[1], (d) => `Nordwind Logistics — Ben Carter, ${d}`, 'the other side')}`;
        assert.equal(await page.title(), `Compare — ${ann} and ${ben} — KOOM Readiness`);
      }, options);
    });

    test('the page title names the view and the assessment', { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        assert.equal(await page.title(), 'KOOM Readiness');
        await openExample(page);
        assert.equal(await page.title(), 'Preconditions — Raccoons Incorporated — KOOM Readiness');
        await openView(page, 'red-flags');
        assert.equal(await page.title(), 'Red flags — Raccoons Incorporated — KOOM Readiness');
        await returnToStart(page);
        assert.equal(await page.title(), 'KOOM Readiness');
      }, options);
    });
  });
}

describe('naming an assessment', () => {
  test('"Start" without a name asks for one; the assessment can be renamed from inside it, never to nothing', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await returnToStart(page);
      await page.getByRole('button', { name: 'Start an assessment' }).click();
      const missing = page.locator('#org-name-missing');
      await missing.waitFor();
      assert.match(await missing.textContent(), /Name the organisation first/);
      assert.equal(await page.locator('#org-name').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('nav.section-nav').count(), 0, 'an untitled assessment was started');
      assert.equal(await page.locator('li.library-entry').count(), 0, 'an untitled assessment was saved');

      await page.locator('#org-name').fill('Nordwind Logistics');
      await page.getByRole('button', { name: 'Start an assessment' }).click();
      await waitForView(page, 'preconditions');
      const id = await openedId(page);

      await page.locator('nav.section-nav').getByRole('button', { name: 'Rename this assessment' }).click();
      const input = page.locator('#rename-open');
      await input.waitFor();
      assert.equal(await input.inputValue(), 'Nordwind Logistics');
      await input.fill('   ');
      await page.locator('.nav-rename').getByRole('button', { name: 'Save name' }).click();
      await page.locator('#rename-open-problem').waitFor();
      await input.fill('Nordwind Logistik GmbH');
      await input.press('Enter');
      await page.locator('nav.section-nav .nav-org', { hasText: 'Nordwind Logistik GmbH' }).waitFor();
      await waitForSaved(page, id, (r) => r.assessment.organisation === 'Nordwind Logistik GmbH', 'the new name saved');
      assert.equal(await page.title(), 'Preconditions — Nordwind Logistik GmbH — KOOM Readiness');

      // The example is read-only: no rename there.
      await openExample(page);
      assert.equal(await page.locator('nav.section-nav').getByRole('button', { name: 'Rename this assessment' }).count(), 0);
    });
  });
});

describe('a paste over the evidence note limit', () => {
  test('says how much was left out, and Ctrl+Z in the field undoes the paste', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await startWith(page, 'Pasting Partners', '');
      const q = readinessModel().preconditions[0].id;
      await page.locator(`fieldset[data-question="${q}"] summary`).click();
      const note = page.locator(`[id="${q}-note"]`);
      await note.fill('a'.repeat(3_990));
      await page.evaluate((text) => navigator.clipboard.writeText(text), 'b'.repeat(50));
      await note.focus();
      await note.press('End');
      await page.keyboard.press('Control+V');
      const cut = page.locator(`fieldset[data-question="${q}"] [data-limit="cut"]`);
      await cut.waitFor();
      assert.match(await cut.textContent(), /its last 40 characters were left out \(an evidence note holds at most 4,000 characters\)/);
      assert.equal((await note.inputValue()).length, 4_000);
      await page.keyboard.press('Control+Z');
      await pollUntil(() => note.inputValue(), (value) => value.length === 3_990, 'the note after Ctrl+Z');
      await cut.waitFor({ state: 'detached' });
    });
  });
});

describe('words for a manager in a hurry', () => {
  test('no view says "Seed §": each names "the KOOM model" and its section', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await openExample(page);
      const seen = [];
      for (const [token, section] of [['preconditions', 2], ['maturity', 3], ['red-flags', 5], ['green-flags', 6], ['sequence', 4], ['stability', 7]]) {
        await openView(page, token);
        assert.equal((await page.locator('main .page-header .eyebrow').textContent()).trim(), `From the KOOM model, section ${section}`);
        const text = await page.locator('body').innerText();
        if (/seed\s*§/i.test(text)) seen.push(token);
      }
      assert.deepEqual(seen, [], 'views that still say "Seed §"');
    });
  });
});

describe('the seed, one click away', () => {
  test('the "Based on" badge and each section heading open the model\'s own text, with no request once the app runs', { timeout: TIMEOUT }, async () => {
    await withApp(async (app) => {
      const { page } = app;
      // The app is running: from here on, nothing may be fetched (the seed is in the bundle).
      const before = app.requests.length;
      await page.locator('.model-tag a').click();
      await page.locator('article.seed h1#main-heading').waitFor();
      assert.match(await page.locator('article.seed h1').textContent(), /Deployment Readiness Layer – v1\.0/);
      assert.equal(await page.locator('article.seed h2').count(), 9);
      assert.match(await page.locator('article.seed').textContent(), /No CoE = No KOOM\./);
      assert.equal(await page.title(), 'The KOOM model — KOOM Readiness');

      await openExample(page);
      await openView(page, 'red-flags');
      await page.locator('main .page-header .eyebrow a').click();
      const section = page.locator('#seed-section-5');
      await section.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'seed-section-5');
      assert.match(await section.textContent(), /^5\. Red Flags/);
      assert.ok(await section.isVisible());
      await page.goBack();
      await waitForView(page, 'red-flags');
      assert.deepEqual(app.requests.slice(before), [], 'something was fetched once the app ran');
    });
  });
});
