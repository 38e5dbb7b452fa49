// Accessibility of every view (Start, Preconditions, Maturity, Red flags, Green flags,
// Deployment sequence, Stability, Report) on the release bundle: axe-core (WCAG 2.0–2.2 A/AA
// and best practices) finds no violation, at desktop and phone width, in the light and the
// dark colour scheme, for a fresh assessment, an assessment with problems in it (Stop, Not
// sure, notes, an unclear flag, a contradiction, stability marks kept before deployment), a
// deployed assessment whose cycle 2 ended with signs missing (the stability diagnosis, signs
// left unmarked named), and the Raccoons Inc. example (which fills every view). On a phone no
// view scrolls sideways. (The failed pilot gate, the retraining and the iteration history are
// checked with axe-core in journeys.test.mjs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertClean,
  DESKTOP,
  formatViolations,
  openApp,
  PHONE_CONTEXT,
  runAxe,
  sharedApp,
} from './support.mjs';
import {
  VIEWS,
  answer,
  cycleWithSignsMissing,
  exportExampleFile,
  importAssessment,
  openExample,
  openSaved,
  openView,
  readinessModel,
  returnToStart,
  startAssessment,
  waitForVerdict,
} from './flows.mjs';

const TIMEOUT = 120_000;

const shared = sharedApp();

/** The assessments every view is checked with. `setUp` leaves the app on a question view. */
const SCENARIOS = [
  {
    name: 'a fresh assessment',
    async setUp(page) {
      await startAssessment(page, 'Fresh Start Ltd');
      await waitForVerdict(page, 'hold');
    },
    reopen: (page) => openSaved(page, 'Fresh Start Ltd'),
  },
  {
    name: 'an assessment with problems',
    async setUp(page) {
      const { preconditions, maturity, redFlags } = readinessModel();
      await startAssessment(page, 'Troubled Things plc');
      await answer(page, preconditions[0].id, 'yes');
      await answer(page, preconditions[1].id, 'not_sure');
      await answer(page, preconditions[2].id, 'no');
      const first = page.locator(`fieldset[data-question="${preconditions[2].id}"]`);
      await first.locator('summary').click();
      await first.locator('textarea').fill('The COO rewrote the packing flow last week.');
      await first.getByLabel('This question is unclear').check();
      await first.getByLabel('What is unclear? (feedback on the model)').fill('Does a one-off count?');
      // Evidence details past their review-by date (flagged in the item and the report).
      const detail = (name) => first.locator(`[id="${preconditions[2].id}-evidence-${name}"]`);
      await detail('who').fill('Ana Keller');
      await detail('who').press('Tab');
      await detail('when').fill('2025-10-01');
      await detail('when').dispatchEvent('change');
      await detail('link').fill('wiki.troubled.example/koom');
      await detail('link').press('Tab');
      await detail('review_by').fill('2026-01-15');
      await detail('review_by').dispatchEvent('change');
      await first.locator('p.stale-evidence').waitFor();
      await openView(page, 'maturity');
      await answer(page, maturity[0].id, 'no');
      await openView(page, 'red-flags');
      await answer(page, redFlags[0].question, 'yes');
      await openView(page, 'green-flags');
      // Workers follow the SOP and escalate fast, yet they figure things out themselves.
      await answer(page, 'green_flag.workers_follow_sop', 'yes');
      await openView(page, 'preconditions');
      await answer(page, 'precondition.workers.figuring_it_out', 'yes');
      await waitForVerdict(page, 'stop');
      await page.locator('aside#verdict [data-inconsistency]').first().waitFor();
      // The organisation's tracker: each plan item then links to its new-issue form.
      const tracker = page.locator('aside#verdict details.tracker-setting');
      await tracker.locator('summary').click();
      await tracker.locator('#tracker-address').fill('https://github.com/troubled/koom');
      await tracker.getByRole('button', { name: 'Keep this tracker' }).click();
      await tracker.locator('summary', { hasText: 'Tracker: GitHub · troubled/koom' }).waitFor();
      await openView(page, 'stability');
      await page.getByRole('button', { name: 'Add alignment cycle' }).click();
      await page.locator('select[data-cycle="1"]').first().selectOption('seen');
      await page.locator('select[data-cycle="1"]').nth(1).selectOption('not_sure');
      // A second cycle with signs missing. Not deployed, so nothing is judged (the diagnosis
      // is checked in the next assessment); the marks are kept.
      await page.getByRole('button', { name: 'Add alignment cycle' }).click();
      const cycle2 = page.locator('select[data-cycle="2"]');
      for (let i = 0, n = await cycle2.count(); i < n; i += 1) {
        await cycle2.nth(i).selectOption(i === 0 ? 'not_seen' : i === 1 ? 'not_sure' : 'seen');
      }
      await page.locator('section[data-health="not-deployed"]').waitFor();
      assert.equal(await cycle2.first().inputValue(), 'not_seen', 'the marks of cycle 2 were not kept');
    },
    reopen: (page) => openSaved(page, 'Troubled Things plc'),
  },
  {
    name: 'a deployed assessment implemented incorrectly',
    async setUp(page) {
      // The example's export, fully deployed, with signs missing in cycle 2 (not seen, not
      // sure, unmarked) and cycle 3 begun: the stability diagnosis, unmarked signs named.
      const file = structuredClone(await exportExampleFile(page));
      file.assessment.organisation = 'Wayward Works Ltd';
      file.assessment.cycles = [file.assessment.cycles[0], cycleWithSignsMissing().cycle, { signs: {}, notes: {} }];
      await importAssessment(page, file, 'wayward-works.json');
      await waitForVerdict(page, 'ready');
      await openView(page, 'stability');
      await page.locator('section[data-health="incorrect"] p.unmarked').waitFor();
      await page.locator('section[data-health="incorrect"] [data-diagnosis]').first().waitFor();
      await openView(page, 'preconditions');
    },
    reopen: (page) => openSaved(page, 'Wayward Works Ltd'),
  },
  {
    name: 'the Raccoons Inc. example',
    async setUp(page) {
      await openExample(page);
      await waitForVerdict(page, 'ready');
    },
    reopen: (page) => page.getByRole('button', { name: 'Open the Raccoons Inc. example' }).click(),
  },
];

const LOOKS = [
  { name: 'desktop, light', contextOptions: { viewport: DESKTOP, colorScheme: 'light' } },
  { name: 'phone, light', contextOptions: { ...PHONE_CONTEXT, colorScheme: 'light' }, phone: true },
  { name: 'desktop, dark', contextOptions: { viewport: DESKTOP, colorScheme: 'dark' } },
  { name: 'phone, dark', contextOptions: { ...PHONE_CONTEXT, colorScheme: 'dark' }, phone: true },
];

/** Checks the open view; returns a list of problems (empty when all is well). */
async function checkView(page, label, { phone }) {
  const problems = [];
  const violations = await runAxe(page);
  if (violations.length) {
    problems.push(`${label}: ${violations.length} axe-core violation(s)\n${indent(formatViolations(violations))}`);
  }
  if (phone) {
    // clientWidth, not innerWidth: on a mobile viewport the layout viewport (innerWidth) grows
    // to fit content that is too wide, which would hide the very overflow looked for here.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
  }
  return problems;
}

const indent = (text) => text.replace(/^/gm, '    ');

describe('accessibility of every view', () => {
  for (const scenario of SCENARIOS) {
    for (const look of LOOKS) {
      test(`${scenario.name}: no axe-core violations (${look.name})`, { timeout: TIMEOUT }, async () => {
        const app = await openApp(shared.browser(), shared.server().url, { contextOptions: look.contextOptions });
        app.page.setDefaultTimeout(10_000);
        try {
          const { page } = app;
          const scheme = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
          assert.equal(scheme, look.name.endsWith('dark'), 'the colour scheme was not applied');
          await scenario.setUp(page);
          const problems = [];
          for (const view of VIEWS) {
            await openView(page, view.token);
            problems.push(...(await checkView(page, view.label, look)));
          }
          await returnToStart(page);
          problems.push(...(await checkView(page, 'Start', look)));
          // The assessment is still there to go back to.
          await scenario.reopen(page);
          await page.locator('nav[aria-label="Assessment sections"]').waitFor();
          assert.equal(problems.length, 0, `accessibility problems:\n${problems.join('\n')}`);
          assertClean(app);
        } finally {
          await app.close();
        }
      });
    }
  }
});
