// Team view benchmark in the browser: the release bundle (KOOM_DIST, else dist/) served on
// 127.0.0.1, in headless Chromium. Prints figures (median of N runs, each on a fresh browser
// context: empty storage); asserts nothing.
//
//   node bench/team-browser.mjs [runs=5]        (after ./scripts/build-release.sh)
//
// "Rendered" is `article.team[data-respondents="<n>"]` in the DOM plus two animation frames
// (the frame that paints it has gone). Timed in the page (performance.now()):
// (a) 49 → 50: a team view of 49 respondents (a generated team file imported on the start
//     screen, docs/team-file.md), then one share link pasted: click on "Add from links" →
//     50 rendered. The import of the 49 (file chosen → rendered) is printed too.
// (b) 0 → 50: a 50-respondent team file chosen in the empty team view's "Files" input
//     (setInputFiles; from the input's change event) → 50 rendered.
// (c) 0 → 500: the same with 500 respondents; then "Only where respondents disagree" ticked
//     (click → the disagreement table rendered) and unticked (click → every section rendered).
// The respondents are named "Person N", with varied answers (deterministic pseudo-random:
// mostly healthy, some problems, "Not sure" and unanswered), so that most questions disagree.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const { startStaticServer, CHROMIUM_ARGS, REPO_ROOT } = await import(resolve(here, '../tests/e2e/support.mjs'));
const { readinessModel } = await import(resolve(here, '../tests/e2e/flows.mjs'));

const runs = Number(process.argv[2] ?? 5);
const server = await startStaticServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const VIEWPORT = { width: 1280, height: 800 };

// ---- The generated team files ------------------------------------------------------------------

/** Every question of the model with its healthy answer: readiness, green flags, gate criteria. */
function questionsOfModel() {
  const { healthy, gate } = readinessModel();
  const model = readFileSync(join(REPO_ROOT, 'docs', 'model.md'), 'utf8');
  const green = [...model.matchAll(/^\| `(green_flag\.[a-z_]+)` \|/gm)].map((m) => m[1]);
  return [...healthy, ...green.map((id) => [id, 'yes']), ...gate.map((id) => [id, 'yes'])];
}

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) / 0x1000000;
  };
}

/** A team file of `n` named respondents ("Person 1" …) with varied answers. */
function teamFile(n, seed = 20_261_124) {
  const questions = questionsOfModel();
  const next = random(seed);
  const respondents = [];
  for (let i = 0; i < n; i += 1) {
    const answers = {};
    for (const [id, healthy] of questions) {
      const r = next();
      if (r < 0.72) answers[id] = healthy;
      else if (r < 0.82) answers[id] = healthy === 'yes' ? 'no' : 'yes';
      else if (r < 0.93) answers[id] = 'not_sure';
      // else: unanswered
    }
    respondents.push({
      name: `Person ${i + 1}`,
      assessment: {
        model_version: '1.0',
        organisation: 'Bench Logistics',
        assessor: '',
        answers,
        notes: {},
        unclear: {},
        checklist: [],
        pilot: { department: '', evaluation: '' },
        pilot_iterations: [],
        cycles: [],
      },
    });
  }
  const file = { format: 'koom-readiness/team', version: 1, model_version: '1.0', exported_at: '2026-11-24', team: { title: `Bench team of ${n}`, respondents } };
  return Buffer.from(JSON.stringify(file), 'utf8');
}

// ---- In the page -----------------------------------------------------------------------------

/**
 * In the page: clicks the button (`clickText`: its text, or `clickSelector`) and resolves with
 * the ms from just before the click to `selector` being in the DOM plus two animation frames.
 */
const renderedAfter = ({ selector, clickText, clickSelector }) =>
  new Promise((resolve, reject) => {
    const button = clickSelector
      ? document.querySelector(clickSelector)
      : [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === clickText);
    if (!button) return reject(new Error(`no button ${clickText ?? clickSelector}`));
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${selector} not rendered within 120 s`));
    }, 120_000);
    button.click();
  });

/** Times `action()` (which sets files on an input) from the input's change event to `selector` rendered. */
async function timeFileChange(page, inputId, selector, action) {
  const timing = page.evaluate(
    ([sel, id]) =>
      new Promise((resolve, reject) => {
        window.addEventListener(
          'change',
          (event) => {
            if (event.target?.id !== id) return;
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector(sel)) {
                observer.disconnect();
                requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
            setTimeout(() => reject(new Error(`${sel} not rendered within 120 s`)), 120_000);
          },
          { capture: true },
        );
        window.__benchArmed = true;
      }),
    [selector, inputId],
  );
  await page.waitForFunction(() => window.__benchArmed === true);
  await action();
  const ms = await timing;
  await page.evaluate(() => {
    window.__benchArmed = false;
  });
  return ms;
}

async function freshPage() {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 30_000 });
  await page.locator('#new-team-title').waitFor({ timeout: 30_000 });
  return { context, page, errors };
}

async function createTeam(page, title) {
  await page.locator('#new-team-title').fill(title);
  await page.getByRole('button', { name: 'Create a team view' }).click();
  await page.locator('article.team[data-respondents="0"]').waitFor({ timeout: 30_000 });
}

// ---- The share link of the 50th respondent ------------------------------------------------------

async function makeLink() {
  const { context, page } = await freshPage();
  const { preconditions, redFlags } = readinessModel();
  await page.locator('#org-name').fill('Bench Logistics');
  await page.locator('#assessor').fill('Zed Fifty');
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await page.locator('nav[aria-label="Assessment sections"] button[data-view="preconditions"][aria-current="page"]').waitFor();
  await page.locator(`input[name="${preconditions[0].id}"][value="not_sure"]`).click();
  await page.locator('nav[aria-label="Assessment sections"] button[data-view="red-flags"]').click();
  await page.locator(`input[name="${redFlags.find((f) => !f.shared).question}"][value="yes"]`).click();
  await page.locator('nav[aria-label="Assessment sections"] button[data-view="report"]').click();
  await page.locator('section.share-panel').getByRole('button', { name: 'Make the link' }).click();
  await page.waitForFunction(() => document.querySelector('#share-url')?.value.includes('#/s/'));
  const link = await page.locator('#share-url').inputValue();
  await context.close();
  return link;
}

// ---- Runs --------------------------------------------------------------------------------------

const file49 = teamFile(49);
const file50 = teamFile(50, 7);
const file500 = teamFile(500, 11);
const link = await makeLink();

const problems = [];
const check = (errors, what) => {
  if (errors.length) problems.push(`${what}: ${errors.join(' | ')}`);
};

/** (a): 49 imported on the start screen, then the 50th from a pasted link. */
async function runA() {
  const { context, page, errors } = await freshPage();
  const imported = await timeFileChange(page, 'import-file', 'article.team[data-respondents="49"]', () =>
    page.locator('#import-file').setInputFiles({ name: 'bench-49.json', mimeType: 'application/json', buffer: file49 }),
  );
  await page.locator('#team-links').fill(`Zed Fifty: ${link}`);
  const added = await page.evaluate(renderedAfter, { selector: 'article.team[data-respondents="50"]', clickText: 'Add from links' });
  const outcome = (await page.locator('#team-add-outcome p.added').textContent()).trim();
  if (outcome !== 'Added 1 respondent: Zed Fifty.') problems.push(`(a) unexpected outcome: ${outcome}`);
  check(errors, '(a)');
  await context.close();
  return { imported, added };
}

/** (b) and (c): a team file of `n` chosen in an empty team view. */
async function runFile(n, buffer, { toggle = false } = {}) {
  const { context, page, errors } = await freshPage();
  await createTeam(page, `Bench ${n}`);
  const rendered = await timeFileChange(page, 'team-files', `article.team[data-respondents="${n}"]`, () =>
    page.locator('#team-files').setInputFiles({ name: `bench-${n}.json`, mimeType: 'application/json', buffer }),
  );
  const result = { rendered };
  const listed = await page.locator('li.respondent').count();
  if (listed !== n) problems.push(`${n}: ${listed} respondents listed`);
  if (toggle) {
    const rows = await page.locator('section.team-tallies tr[data-item]').count();
    result.on = await page.evaluate(renderedAfter, {
      selector: 'section.team-tallies .table-scroll[aria-label="Where respondents disagree"], section.team-tallies .no-disagreement',
      clickSelector: '#only-disagreements',
    });
    result.disagreements = await page.locator('section.team-tallies tr[data-disagree="true"]').count();
    result.shownOn = await page.locator('section.team-tallies tr[data-item]').count();
    result.off = await page.evaluate(renderedAfter, {
      selector: 'section.team-tallies h3',
      clickSelector: '#only-disagreements',
    });
    result.rows = rows;
    const back = await page.locator('section.team-tallies tr[data-item]').count();
    if (back !== rows) problems.push(`${n}: ${back} rows after unticking, ${rows} before`);
    if (result.shownOn !== result.disagreements) problems.push(`${n}: ${result.shownOn} rows shown with only the disagreements, ${result.disagreements} of them disagree`);
  }
  check(errors, `(file ${n})`);
  await context.close();
  return result;
}

const a = [];
const b = [];
const c = [];
for (let i = 0; i < runs; i += 1) {
  a.push(await runA());
  b.push(await runFile(50, file50));
  c.push(await runFile(500, file500, { toggle: true }));
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
const row = (label, xs) =>
  `${label.padEnd(66)} ${median(xs).toFixed(1).padStart(8)} ${Math.min(...xs).toFixed(1).padStart(8)} ${Math.max(...xs).toFixed(1).padStart(8)}`;
const kb = (buffer) => `${(buffer.length / 1024).toFixed(0)} KB`;

console.log(`Team view in headless Chromium, ${runs} runs each (fresh context), ms to rendered + 2 frames`);
console.log(`${''.padEnd(66)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
console.log(row(`(a) 49 → 50: click "Add from links" (1 share link) → rendered`, a.map((r) => r.added)));
console.log(row(`    setup: import 49-respondent team file (${kb(file49)}) at start → rendered`, a.map((r) => r.imported)));
console.log(row(`(b) 0 → 50: team file (${kb(file50)}) via #team-files → rendered`, b.map((r) => r.rendered)));
console.log(row(`(c) 0 → 500: team file (${kb(file500)}) via #team-files → rendered`, c.map((r) => r.rendered)));
console.log(row(`    500: tick "Only where respondents disagree" → rendered`, c.map((r) => r.on)));
console.log(row(`    500: untick → every section rendered`, c.map((r) => r.off)));
console.log(`500 respondents: ${c[0].rows} questions tallied, ${c[0].disagreements} with disagreements (shown alone: ${c[0].shownOn}).`);
console.log(`Share link of the 50th respondent: ${link.length} characters.`);
if (problems.length) console.log(`Problems seen:\n  ${problems.join('\n  ')}`);

await browser.close();
await server.close();
