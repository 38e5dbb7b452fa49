// Names (issue 21): two assessments of one organisation are told apart in every picker and in
// the comparison by assessor and date (src/domain/formats/records.rs, `assessment_label`), and the page
// title names the view and the assessment on screen (`page_title`, set through the browser
// layer), at desktop and phone width.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE_CONTEXT, partsFetched, sharedApp } from './support.mjs';
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

/** The plain sentences of src/domain/model/items.rs (`Rule::plain`) and the seed's words (`Rule::seed`). */
const PLAIN = {
  'rule.stability_within_two_cycles': 'Expect all ten signs within 1–2 alignment cycles; any sign not seen in cycle 2 means something was implemented incorrectly.',
  'rule.gate_only_when_reachable': 'The gate after the pilot decides nothing until the verdict is Ready and steps 1–5 are complete.',
};
const SEED_WORDS = {
  'rule.stability_within_two_cycles': 'The KOOM model, section 7: “If you don’t see these signs within 1–2 alignment cycles, something was implemented incorrectly.”',
  'rule.gate_only_when_reachable': 'The KOOM model, section 4: “Only proceed if:”',
};

describe('dense rules in plain words', () => {
  for (const [width, options] of [['desktop', undefined], ['phone', { contextOptions: PHONE_CONTEXT }]]) {
    test(`the stability rule and the gate's note lead with one plain sentence; the full rule and the seed's words are one click away (${width})`, { timeout: TIMEOUT }, async () => {
      await withApp(async ({ page }) => {
        /** Checks one rule note: the plain sentence shown, the rest behind its summary, the link to the seed's section. */
        async function check(id, section) {
          const note = page.locator(`.rule-note[data-rule="${id}"]`);
          assert.equal((await note.locator('.rule-plain').textContent()).trim(), PLAIN[id]);
          const details = note.locator('details.rule-words');
          assert.equal(await details.getAttribute('open'), null, `${id}: the full rule is open at first`);
          assert.ok(!(await details.locator('a').isVisible()), `${id}: the seed's words show before the click`);
          await details.locator('summary').click();
          const text = (await details.textContent()).replace(/\s+/g, ' ');
          assert.ok(text.includes(SEED_WORDS[id]), `${id}: the seed's words are missing: ${text}`);
          const link = details.getByRole('link', { name: `Read section ${section} of the model` });
          assert.equal(await link.getAttribute('href'), `#/seed/${section}`);
          return link;
        }

        await openExample(page);
        await openView(page, 'stability');
        const link = await check('rule.stability_within_two_cycles', 7);
        await link.click();
        await page.locator('#seed-section-7').waitFor();
        await page.waitForFunction(() => document.activeElement?.id === 'seed-section-7');
        await page.goBack();
        await waitForView(page, 'stability');

        // The gate's note shows when the gate is suspended: a copy of the example with a red flag.
        await page.getByRole('button', { name: 'Copy it as my starting point' }).click();
        await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: 'Copy of Raccoons Incorporated' }).waitFor();
        await openView(page, 'red-flags');
        const flag = readinessModel().redFlags.find((f) => !f.shared);
        await page.locator(`input[type="radio"][name="${flag.question}"][value="yes"]`).click();
        await openView(page, 'sequence');
        await page.locator('.gate-outcome[data-gate="suspended"]').waitFor();
        await check('rule.gate_only_when_reachable', 4);
      }, options);
    });
  }
});

describe('the seed, one click away', () => {
  test('the "Based on" badge and each section heading open the model\'s own text, with no request once the app runs', { timeout: TIMEOUT }, async () => {
    await withApp(async (app) => {
      const { page } = app;
      // The app is running and has fetched its later parts at idle: from here on, nothing may
      // be fetched (the seed is in the bundle).
      await partsFetched(app);
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
