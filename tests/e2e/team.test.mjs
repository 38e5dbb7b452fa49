// End-to-end tests of the team view (issue #11, docs/team-file.md) on the release bundle in
// headless Chromium: three respondents joined from share links (one named before its link) and
// an exported file, with a corrupt and a junk line each named by its line number; the
// conservative team verdict with who reported what, each respondent's own verdict, the
// disagreements most split first, "To discuss" in the Markdown, and a reload that keeps it all;
// the same respondent twice and a file of another model version refused with their reasons;
// removing a respondent (asked in the page) and putting it back with Undo; anonymous
// respondents, whose names appear nowhere (page, Markdown, team file, storage), with the
// "attributable" warning for one or two; the team file exported, imported as a new team view,
// deleted from the library and restored; "Add to a team view" from a shared link's banner;
// axe-core and no sideways scrolling on a desktop and a phone; and the whole thing by keyboard.
// Every test also checks that each page stayed clean (no console errors, no failed or external
// requests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, formatViolations, inFreshContext, PHONE_CONTEXT, pressKeyUntil, runAxe, sharedApp } from './support.mjs';
import {
  askDialog,
  captureDownload,
  exportExampleFile,
  importAssessment,
  importFile,
  messageNotice,
  openExample,
  openView,
  pollUntil,
  readinessModel,
  returnToStart,
  storageEntries,
  startAssessment,
  todayIso,
  stampedDay,
  answer,
  waitForVerdict,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 240_000;

const shared = sharedApp({ timeout: 20_000 });
const { withApp } = shared;

/** Verdict headlines (src/domain/rules/readiness.rs). */
const HEADLINES = {
  stop: 'Stop — do not deploy KOOM',
  hold: 'Hold — find out first',
  'not-yet': 'Not yet — build maturity',
  ready: 'Ready — begin the deployment sequence',
};

/** The exact refusals of src/domain/formats/share/ and src/domain/formats/pasted.rs. */
const NOTHING = 'Nothing was loaded or changed.';
const LINK_ALTERED = `This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again. ${NOTHING}`;
const NOT_A_LINK = 'it is not a KOOM Readiness share link (one has “#/s/” in it; make one with “Make the link” on the report).';
/** src/domain/team/, TeamError::AlreadyAdded. */
const alreadyAdded = (label) =>
  `These answers are already in the team as ${label}: a respondent counts once. If this is another person who gave exactly the same answers, add them under a name of their own.`;

/** src/domain/team/, TeamError::SameRespondent: the same respondent token, the same answers. */
const sameRespondent = (label) =>
  `This is ${label} again (the same respondent token), with the same answers and notes: a respondent counts once.`;

/** Prefix of the team views' records in localStorage (docs/team-file.md). */
const TEAM_PREFIX = 'koom-readiness/team/';

// ---- Assessments and files built here ----------------------------------------------------------

/** Every readiness question (preconditions, maturity, red flags) answered healthily, with `overrides`. */
function healthyAnswers(overrides = {}) {
  return { ...Object.fromEntries(readinessModel().healthy), ...overrides };
}

/** The assessment layout of a file (docs/file-format.md). */
function assessmentOf({ organisation = 'Acme Logistics', assessor = '', answers, notes = {}, unclear = {}, respondent = null, evidence }) {
  return {
    ...(evidence ? { evidence } : {}),
    model_version: '1.0',
    organisation,
    assessor,
    answers,
    notes,
    unclear,
    checklist: [],
    pilot: { department: '', evaluation: '' },
    pilot_iterations: [],
    cycles: [],
    respondent,
  };
}

/** An assessment file (format version 2). */
function assessmentFile(spec) {
  return { format: 'koom-readiness/assessment', version: 2, model_version: '1.0', exported_at: todayIso(), assessment: assessmentOf(spec) };
}

/** A team view file (format version 1); each respondent { name, ...assessment spec }. */
function teamFile(title, respondents) {
  return {
    format: 'koom-readiness/team',
    version: 1,
    model_version: '1.0',
    exported_at: todayIso(),
    team: { title, respondents: respondents.map(({ name = null, ...spec }) => ({ name, assessment: assessmentOf(spec) })) },
  };
}

/** The question ids this suite varies. */
function questions() {
  const { redFlags, maturity, preconditions } = readinessModel();
  return {
    flag: redFlags.find((f) => !f.shared).question, // red_flag.no_time_for_structure: healthy "No"
    facet: maturity[0].id,
    condition: preconditions[0].id,
    coe: 'green_flag.coe_empowered',
  };
}

const opposite = (token) => ({ yes: 'no', no: 'yes' })[token];

/**
 * Three named respondents of differing verdicts: Ann (Ready), Bob (Stop: the red flag), Cleo
 * (Hold: "Not sure" on a maturity facet).
 */
function threeRespondents() {
  const { flag, facet } = questions();
  return [
    { name: 'Ann', assessor: 'Ann Archer', answers: healthyAnswers() },
    { name: 'Bob', assessor: 'Bob Baker', answers: healthyAnswers({ [flag]: 'yes' }) },
    { name: 'Cleo', assessor: 'Cleo Clark', answers: healthyAnswers({ [facet]: 'not_sure' }) },
  ];
}

const json = (value) => Buffer.from(JSON.stringify(value, null, 2), 'utf8');

// ---- Helpers -------------------------------------------------------------------------------------

/** The payload of a share link (`…#/s/<payload>[/<view>]`). */
function payloadOf(url) {
  const [, rest] = url.split('#/s/');
  assert.ok(rest, `not a share link: ${url}`);
  return rest.split('/')[0];
}

/** `url` with one character of its payload changed (its checksum no longer matches). */
function altered(url) {
  const payload = payloadOf(url);
  const index = Math.floor(payload.length / 2);
  const changed = payload.slice(0, index) + (payload[index] === 'Q' ? 'R' : 'Q') + payload.slice(index + 1);
  return `${url.split('#/s/')[0]}#/s/${changed}`;
}

/** A line as an "add" outcome quotes it (src/domain/formats/pasted.rs: at most 60 characters). */
const shown = (line) => ([...line].length <= 60 ? line : `${[...line].slice(0, 59).join('')}…`);

/** Makes a share link (without notes unless asked) for the assessment on screen, from its report; returns it. */
async function makeLink(page, { notes = false } = {}) {
  await openView(page, 'report');
  const panel = page.locator('section.share-panel');
  await panel.getByLabel('Include notes, “unclear” remarks and evidence details').setChecked(notes);
  await panel.getByRole('button', { name: 'Make the link' }).click();
  await panel.locator('.share-result label[for="share-url"]', { hasText: notes ? 'Link with notes' : 'Link without notes' }).waitFor();
  return pollUntil(() => page.locator('input#share-url').inputValue(), (value) => value.includes('#/s/'), notes ? 'the link with notes' : 'the share link');
}

let sampleLinks;
/**
 * Share links of three assessments (made once, in a browser of their own): Dana (healthy),
 * Eli (the red flag) and Fay ("Not sure" on a maturity facet), each with an assessor's full name.
 */
async function links() {
  if (sampleLinks) return sampleLinks;
  const { flag, facet } = questions();
  const specs = [
    { key: 'dana', organisation: 'Acme North', assessor: 'Dana Okafor', answers: healthyAnswers() },
    { key: 'eli', organisation: 'Acme South', assessor: 'Eli Park', answers: healthyAnswers({ [flag]: 'yes' }) },
    { key: 'fay', organisation: 'Acme East', assessor: 'Fay Quinn', answers: healthyAnswers({ [facet]: 'not_sure' }) },
  ];
  const made = {};
  await withApp(async ({ page }) => {
    for (const { key, ...spec } of specs) {
      await importAssessment(page, assessmentFile(spec), `${key}.json`);
      made[key] = await makeLink(page);
    }
  });
  sampleLinks = made;
  return made;
}

/** Creates a team view from the start screen by mouse; returns its id (from the address). */
async function createTeam(page, title = '') {
  await returnToStart(page);
  await page.locator('#new-team-title').fill(title);
  await page.getByRole('button', { name: 'Create a team view' }).click();
  await page.locator('article.team[data-respondents="0"]').waitFor();
  return teamIdOf(page);
}

/** The id of the team view on screen, from the address (`#/team/<id>`). */
async function teamIdOf(page) {
  const hash = await pollUntil(() => page.evaluate(() => location.hash), (h) => h.startsWith('#/team/'), 'the team view address');
  return hash.slice('#/team/'.length);
}

/** Waits until the team view shows `n` respondents. */
const waitForRespondents = (page, n) => page.locator(`article.team[data-respondents="${n}"]`).waitFor();

/**
 * Prepares to tell the next add's outcome from the last one: the app rebuilds the outcome in
 * place (the same elements), but moves focus to it when an add is over. Counts those focus
 * events (from now on), with focus taken off the outcome first so that the next one counts.
 */
async function expectOutcome(page) {
  await page.evaluate(() => {
    const outcome = document.getElementById('team-add-outcome');
    if (!outcome.dataset.e2eCounted) {
      outcome.dataset.e2eCounted = 'true';
      outcome.addEventListener('focus', () => {
        window.__e2eOutcomeFocus = (window.__e2eOutcomeFocus ?? 0) + 1;
      });
    }
    window.__e2eOutcomeFocus = 0;
    if (document.activeElement === outcome) outcome.blur();
  });
}

/**
 * The outcome of the add that `expectOutcome` prepared for (or, with `prepared: false`, of the
 * only one): { added (data-added), text of p.added, refused: [li texts] }.
 */
async function readOutcome(page, { prepared = true } = {}) {
  const outcome = page.locator('#team-add-outcome');
  if (prepared) await page.waitForFunction(() => window.__e2eOutcomeFocus > 0, null, { timeout: 20_000 });
  await outcome.locator('p.added').waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const read = {
    added: Number(await outcome.locator('p.added').getAttribute('data-added')),
    text: (await outcome.locator('p.added').textContent()).trim(),
    refused: (await outcome.locator('.add-refused li').allTextContents()).map((t) => t.trim()),
    known: (await outcome.locator('.add-known li').allTextContents()).map((t) => t.trim()),
    again: (await outcome.locator('.add-again li').allTextContents()).map((t) => t.trim()),
  };
  // Named only when the outcome has it, so the outcomes the other tests compare stay as they were.
  const notCarried = (await outcome.locator('.add-not-carried li').allTextContents()).map((t) => t.trim());
  return notCarried.length > 0 ? { ...read, notCarried } : read;
}

/** Pastes `text` into "Share links" and adds them by mouse; returns the outcome. */
async function addLinks(page, text) {
  await page.locator('#team-links').fill(text);
  await expectOutcome(page);
  await page.getByRole('button', { name: 'Add from links' }).click();
  return readOutcome(page);
}

/** Chooses `files` ([{ name, buffer }]) in the team view's file input; returns the outcome. */
async function addFiles(page, files) {
  await expectOutcome(page);
  await page.locator('#team-files').setInputFiles(files.map((f) => ({ mimeType: 'application/json', ...f })));
  return readOutcome(page);
}

/** The respondents on screen: [{ index, name, verdict, anonymous }]. */
function respondentsShown(page) {
  return page.locator('li.respondent').evaluateAll((items) =>
    items.map((li) => ({
      index: Number(li.dataset.respondent),
      name: li.querySelector('.respondent-name').textContent.trim(),
      verdict: li.dataset.verdict,
      chip: li.querySelector('.verdict-chip').textContent.trim(),
      anonymous: li.dataset.anonymous === 'true',
    })),
  );
}

/** The stored record of a team view (parsed), or null. */
async function storedTeam(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), TEAM_PREFIX + id);
  return raw === null ? null : JSON.parse(raw);
}

/** The tally rows on screen: [{ id, disagree, counts: [yes, no, notSure, unanswered] }]. */
function tallyRows(page) {
  return page.locator('section.team-tallies tr[data-item]').evaluateAll((rows) =>
    rows.map((tr) => ({
      id: tr.dataset.item,
      disagree: tr.dataset.disagree === 'true',
      counts: [...tr.querySelectorAll('td[data-count]')].map((td) => Number(td.dataset.count)),
    })),
  );
}

/** Who is split how on a row: answered minus the largest group (src/domain/team/, `minority`). */
const minority = ([yes, no, notSure]) => yes + no + notSure - Math.max(yes, no, notSure);

/** Markdown with its backslash escapes removed, to look for plain text in it. */
const unescapeMarkdown = (md) => md.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

/** The visible text of an element, white space collapsed. */
const textOf = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/**
 * Opens `url` in a fresh browser context (its own, empty storage), runs `body(app)`, then checks
 * the page stayed clean and closes the context.
 */
const withFreshContext = (url, body, contextOptions) =>
  inFreshContext(shared.browser(), url, body, { contextOptions, timeout: 20_000 });

// ---- 1. The issue's journey -------------------------------------------------------------------

describe('three respondents in one team view (the journey of issue #11)', () => {
  test('links (named, unnamed, corrupt, junk) and a file; verdict, disagreements, Markdown, reload', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { flag, facet, coe } = questions();

      // Ann: the example, shared from its report.
      await openExample(page);
      const annLink = await makeLink(page);

      // Bob: a fresh assessment with its assessor named, the red flag answered "Yes".
      await returnToStart(page);
      await page.locator('#org-name').fill('Raccoons Incorporated');
      await page.locator('#assessor').fill('Bob Builder');
      await page.getByRole('button', { name: 'Start an assessment' }).click();
      await waitForView(page, 'preconditions');
      await openView(page, 'red-flags');
      await answer(page, flag, 'yes');
      await waitForVerdict(page, 'stop');
      const bobLink = await makeLink(page);

      // Cleo: the example with her own answers (unsure of the red flag, a maturity facet
      // missing, the CoE not empowered), exported as a file from its report.
      const example = await exportExampleFile(page);
      assert.equal(example.assessment.answers[flag], 'no', 'the example does not answer the red flag "No"');
      assert.equal(example.assessment.answers[coe], 'yes', 'the example does not answer the CoE green flag "Yes"');
      const mine = structuredClone(example);
      mine.assessment.organisation = 'Raccoons Incorporated (operations)';
      mine.assessment.assessor = 'Cleo Clark';
      mine.assessment.answers[flag] = 'not_sure';
      mine.assessment.answers[facet] = opposite(example.assessment.answers[facet]);
      mine.assessment.answers[coe] = 'no';
      await importAssessment(page, mine, 'cleo.json');
      await waitForVerdict(page, 'hold');
      await openView(page, 'report');
      const cleoFile = await captureDownload(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click());
      assert.equal(JSON.parse(cleoFile.text).assessment.assessor, 'Cleo Clark');

      // A team view; the links pasted, with a blank line, a corrupt link and a junk line.
      const id = await createTeam(page, 'Leadership team, March');
      assert.equal((await page.locator('#main-heading').textContent()).trim(), 'Leadership team, March');
      const corrupt = altered(bobLink);
      const junk = 'this is not a link, just a note';
      const pasted = [`Ann: ${annLink}`, bobLink, '', corrupt, junk].join('\n');
      const outcome = await addLinks(page, pasted);
      assert.equal(outcome.added, 2, `expected Ann and Bob added: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.text, 'Added 2 respondents: Ann, Bob Builder.');
      assert.deepEqual(outcome.refused, [`Line 4 (“${shown(corrupt)}”): ${LINK_ALTERED}`, `Line 5 (“${junk}”): ${NOT_A_LINK}`]);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'team-add-outcome', 'the outcome does not have focus after adding');
      assert.equal(await page.locator('#team-links').inputValue(), '', 'the pasted links were not cleared');
      await waitForRespondents(page, 2);

      // The file.
      const fileOutcome = await addFiles(page, [{ name: cleoFile.name, buffer: Buffer.from(cleoFile.text) }]);
      assert.deepEqual(fileOutcome, { added: 1, text: 'Added 1 respondent: Cleo Clark.', refused: [], known: [], again: [] });
      await waitForRespondents(page, 3);
      assert.equal((await page.locator('#team-respondents-title').textContent()).trim(), 'Respondents (3)');

      // Each respondent with their own verdict.
      assert.deepEqual(
        (await respondentsShown(page)).map(({ name, verdict, chip }) => ({ name, verdict, chip })),
        [
          { name: 'Ann', verdict: 'ready', chip: HEADLINES.ready },
          { name: 'Bob Builder', verdict: 'stop', chip: HEADLINES.stop },
          { name: 'Cleo Clark', verdict: 'hold', chip: HEADLINES.hold },
        ],
      );

      // The team verdict: Stop, reported by one of three (Bob).
      const verdict = page.locator('section.team-verdict');
      assert.equal(await verdict.getAttribute('data-verdict'), 'stop');
      assert.equal((await verdict.locator('.verdict-headline').textContent()).trim(), HEADLINES.stop);
      const reasons = (await verdict.locator('ol.team-reasons li').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
      assert.ok(
        reasons.some((r) => r.includes('Red flag 1') && r.includes('Reported by 1 of 3 (Bob Builder).')),
        `no reason "Reported by 1 of 3 (Bob Builder).":\n${reasons.join('\n')}`,
      );

      // Only the disagreements: the red flag (Yes, No, Not sure: most split) first.
      const all = await tallyRows(page);
      assert.ok(all.length > 30, `only ${all.length} tally rows`);
      assert.equal(all.filter((r) => r.disagree).length, 3, `disagreements: ${JSON.stringify(all.filter((r) => r.disagree))}`);
      const toggle = page.locator('#only-disagreements');
      const label = await textOf(page.locator('label', { has: toggle }));
      assert.equal(label, 'Only where respondents disagree (3), most split first');
      await toggle.check();
      await pollUntil(() => tallyRows(page), (rows) => rows.length === 3, 'only the three disagreements');
      const split = await tallyRows(page);
      assert.ok(split.every((r) => r.disagree), 'a row without data-disagree is listed among the disagreements');
      assert.deepEqual(split.map((r) => r.id), [flag, facet, coe], 'not most split first (ties in model order)');
      assert.deepEqual(split[0].counts, [1, 1, 1, 0], 'the red flag: Yes 1, No 1, Not sure 1');
      const splits = split.map((r) => minority(r.counts));
      assert.deepEqual(splits, [...splits].sort((a, b) => b - a), `not most split first: ${splits}`);
      await toggle.uncheck();
      await pollUntil(() => tallyRows(page), (rows) => rows.length === all.length, 'every row again');

      // "To discuss": the blocker first, with its consequence.
      const blocker = page.locator('ol.agenda li').first();
      assert.equal(await blocker.getAttribute('data-kind'), 'Blocker');
      const blockerText = await textOf(blocker);
      assert.match(blockerText, /Reported by 1 of 3 \(Bob Builder\)\./);
      const question = (await blocker.locator('p').first().innerText()).replace(/^Blocker:\s*/, '').trim();
      const consequence = (await blocker.locator('p.consequence').innerText()).trim();
      assert.match(consequence, /^Red flag 1 — /);

      // The Markdown.
      const md = await captureDownload(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
      stampedDay(md.name, (d) => `koom-readiness-team-leadership-team-march-${d}.md`, 'the Markdown file name');
      const plain = unescapeMarkdown(md.text);
      assert.ok(md.text.startsWith('# KOOM team readiness report — Leadership team, March\n'), md.text.slice(0, 200));
      assert.match(md.text, /^## Team verdict: Stop — do not deploy KOOM$/m);
      const discuss = plain.slice(plain.indexOf('## To discuss'), plain.indexOf('## Respondents'));
      assert.ok(discuss.startsWith('## To discuss\n'), `no "## To discuss" section before "## Respondents":\n${md.text}`);
      assert.ok(discuss.includes(`1. **Blocker:** ${question}`), `the blocker is not the first item to discuss:\n${discuss}`);
      assert.ok(discuss.includes('Reported by 1 of 3 (Bob Builder).'), discuss);
      assert.ok(discuss.includes(consequence), `the blocker's consequence is missing:\n${discuss}`);
      assert.match(plain, /\| Cleo Clark \| Hold — find out first \|/);

      // The item matrix for a spreadsheet: one row per question and respondent, by name.
      const csv = await captureDownload(page, () => page.getByRole('button', { name: 'Item matrix (CSV)' }).click());
      stampedDay(csv.name, (d) => `koom-readiness-leadership-team-march-team-matrix-${d}.csv`, 'the CSV file name');
      assert.ok(csv.text.startsWith('\uFEFFSeed section,Item,Id,Question,Respondent,Answer,Note,Unclear remark\r\n'), csv.text.slice(0, 120));
      const rowsOf = (name) => csv.text.split('\r\n').filter((line) => line.includes(`,${name},`));
      const bobRows = rowsOf('Bob Builder');
      assert.ok(bobRows.length > 20, `Bob has a row per question: ${bobRows.length}`);
      assert.equal(rowsOf('Cleo Clark').length, bobRows.length, 'one row per question for each respondent');
      assert.ok(bobRows.some((line) => line.includes(',Yes,') || line.includes(',No,')));

      // Saved; a reload of the team view's address keeps it.
      const record = await pollUntil(() => storedTeam(page, id), (r) => r?.team.respondents.length === 3, 'the saved team view');
      assert.deepEqual(record.team.respondents.map((r) => r.name), ['Ann', 'Bob Builder', 'Cleo Clark']);
      assert.equal(await page.evaluate(() => location.hash), `#/team/${id}`);
      await page.reload({ waitUntil: 'load' });
      await waitForRespondents(page, 3);
      assert.equal((await page.locator('#main-heading').textContent()).trim(), 'Leadership team, March');
      assert.equal(await page.locator('section.team-verdict').getAttribute('data-verdict'), 'stop');
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Ann', 'Bob Builder', 'Cleo Clark']);
    });
  });

  test(
    'a reload of the bare address (no fragment) reopens the team view that was on screen',
    {
      timeout: TIMEOUT,
    },
    async () => {
      await withApp(async ({ page }) => {
        // An assessment was opened earlier in this browser, then a team view.
        await startAssessment(page, 'Opened Before Ltd');
        const id = await createTeam(page, 'Reloaded team');
        await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', threeRespondents())) }]);
        await waitForRespondents(page, 3);
        await pollUntil(() => storedTeam(page, id), (r) => r?.team.respondents.length === 3, 'the saved team view');
        await page.goto(shared.server().url, { waitUntil: 'load' });
        await page.locator('#main-heading').waitFor();
        await page.waitForTimeout(500);
        const onScreen = await page.evaluate(() => ({
          hash: location.hash,
          heading: document.querySelector('#main-heading')?.textContent.trim(),
          respondents: document.querySelector('article.team')?.dataset.respondents ?? null,
        }));
        assert.deepEqual(onScreen, { hash: `#/team/${id}`, heading: 'Reloaded team', respondents: '3' }, 'the bare address did not reopen the team view');
      });
    },
  );
});

// ---- 2. Refusals ------------------------------------------------------------------------------------

describe('what a team view refuses', () => {
  test('the same respondent twice (links and files) is refused naming it; a file of another model version says why', { timeout: TIMEOUT }, async () => {
    const { dana, eli } = await links();
    await withApp(async ({ page }) => {
      const id = await createTeam(page, 'Refusals');

      // The same link under the same name twice in one paste, and again in a later paste: its
      // respondent token makes it one respondent, counted once.
      const danaLine = `Dana: ${dana}`;
      let outcome = await addLinks(page, `${danaLine}\n${danaLine}\nEli ${eli}`);
      assert.equal(outcome.text, 'Added 2 respondents: Dana, Eli.');
      assert.deepEqual(outcome.known, [`Line 2 (“${shown(danaLine)}”): ${sameRespondent('Dana')}`]);
      assert.deepEqual(outcome.refused, []);
      outcome = await addLinks(page, `\n${danaLine}`);
      assert.equal(outcome.added, 0);
      assert.equal(outcome.text, 'No respondent added.');
      assert.deepEqual(outcome.known, [`Line 2 (“${shown(danaLine)}”): ${sameRespondent('Dana')}`]);
      await waitForRespondents(page, 2);

      // The same file twice in one choice, and again later.
      const gil = assessmentFile({ assessor: 'Gil Moreno', answers: healthyAnswers({ [questions().condition]: 'not_sure' }) });
      outcome = await addFiles(page, [
        { name: 'gil.json', buffer: json(gil) },
        { name: 'gil-copy.json', buffer: json(gil) },
      ]);
      assert.equal(outcome.text, 'Added 1 respondent: Gil Moreno.');
      assert.deepEqual(outcome.refused, [`“gil-copy.json”: ${alreadyAdded('Gil Moreno')}`]);
      outcome = await addFiles(page, [{ name: 'gil.json', buffer: json(gil) }]);
      assert.deepEqual(outcome.refused, [`“gil.json”: ${alreadyAdded('Gil Moreno')}`]);
      await waitForRespondents(page, 3);
      const before = await storedTeam(page, id);
      assert.equal(before.team.respondents.length, 3);

      // A file answered against another model version.
      const other = structuredClone(gil);
      other.model_version = '1.1';
      other.assessment.model_version = '1.1';
      other.assessment.assessor = 'Hal Other';
      outcome = await addFiles(page, [{ name: 'model-1.1.json', buffer: json(other) }]);
      assert.equal(outcome.added, 0);
      assert.deepEqual(outcome.refused, ['“model-1.1.json”: The file answers KOOM Deployment Readiness Layer v1.1; this app implements v1.0.']);
      // And a team view file with one respondent of another model version.
      const otherTeam = teamFile('Other', [{ name: 'Ivy', answers: healthyAnswers() }]);
      otherTeam.team.respondents[0].assessment.model_version = '1.1';
      outcome = await addFiles(page, [{ name: 'team-1.1.json', buffer: json(otherTeam) }]);
      assert.equal(outcome.added, 0);
      assert.deepEqual(outcome.refused, ['“team-1.1.json”: In the file, respondent 1 (Ivy) answered KOOM Deployment Readiness Layer v1.1; this app implements v1.0.']);

      await waitForRespondents(page, 3);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Dana', 'Eli', 'Gil Moreno']);
      assert.deepEqual((await storedTeam(page, id)).team, before.team, 'a refused add changed the saved team view');
    });
  });

  test(
    'an add that adds nobody writes nothing (the record, its revision and its time stay as they were)',
    {
      timeout: TIMEOUT,
    },
    async () => {
      await withApp(async ({ page }) => {
        const id = await createTeam(page, 'Nothing added');
        await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', threeRespondents())) }]);
        await waitForRespondents(page, 3);
        const before = await pollUntil(() => storedTeam(page, id), (r) => r?.team.respondents.length === 3, 'the saved team view');
        const rawBefore = await page.evaluate((key) => localStorage.getItem(key), TEAM_PREFIX + id);
        const junk = await addLinks(page, 'not a link');
        assert.equal(junk.added, 0);
        const again = await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', threeRespondents())) }]);
        assert.equal(again.added, 0);
        assert.equal(again.refused.length, 3);
        await page.waitForTimeout(300);
        const after = await storedTeam(page, id);
        assert.deepEqual(
          { revision: after.revision, updated_at: after.updated_at },
          { revision: before.revision, updated_at: before.updated_at },
          'adding nobody wrote the team view again',
        );
        assert.equal(await page.evaluate((key) => localStorage.getItem(key), TEAM_PREFIX + id), rawBefore);
      });
    },
  );
});

// ---- 2b. Who is who: respondent tokens ----------------------------------------------------------------

/** Makes a share link for the assessment on screen that differs from `previous`; returns it. */
async function makeNewLink(page, previous) {
  await openView(page, 'report');
  await page.locator('section.share-panel').getByRole('button', { name: 'Make the link' }).click();
  return pollUntil(() => page.locator('input#share-url').inputValue(), (value) => value.includes('#/s/') && value !== previous, 'a new share link');
}

/** Waits until the team verdict is `token`. */
const waitForTeamVerdict = (page, token) => page.locator(`section.team-verdict[data-verdict="${token}"]`).waitFor({ timeout: 5_000 });

describe('who is who (issue #23)', () => {
  test('identical answers are different people; the same link under two names is one, renamed; answered again: asked, replaced, undone', { timeout: TIMEOUT }, async () => {
    const { facet, flag } = questions();
    await withApp(async ({ page }) => {
      // Four people: Ben (with an assessor's name), two who answered exactly as he did, one
      // unsure of a maturity facet. Ben then changes his mind (a red flag), and shares again.
      await importAssessment(page, assessmentFile({ organisation: 'Acme Ben', assessor: 'Ben Ortiz', answers: healthyAnswers() }), 'ben.json');
      const ben = await makeLink(page);
      await openView(page, 'red-flags');
      await answer(page, flag, 'yes');
      const benAgain = await makeNewLink(page, ben);
      const same = [];
      for (const name of ['Acme Two', 'Acme Three']) {
        await importAssessment(page, assessmentFile({ organisation: name, answers: healthyAnswers() }), `${name}.json`);
        same.push(await makeLink(page));
      }
      await importAssessment(page, assessmentFile({ organisation: 'Acme Four', answers: healthyAnswers({ [facet]: 'not_sure' }) }), 'four.json');
      const unsure = await makeLink(page);
      for (const link of [ben, benAgain, ...same, unsure]) {
        assert.equal(Buffer.from(payloadOf(link), 'base64url')[0], 2, 'a link with a respondent token is format 2');
      }

      await createTeam(page, 'Workshop');
      let outcome = await addLinks(page, [`Ben (COO): ${ben}`, ...same, unsure].join('\n'));
      assert.equal(outcome.text, 'Added 4 respondents: Ben (COO), Respondent 2, Respondent 3, Respondent 4.');
      assert.deepEqual([outcome.refused, outcome.known], [[], []]);
      await waitForRespondents(page, 4);
      assert.equal(await page.locator('section.team-verdict .anonymity[data-attributable="true"]').count(), 0, 'three anonymous respondents are not attributable');

      // Pasted again without a name: the same person (the assessor's name does not rename him).
      outcome = await addLinks(page, ben);
      assert.equal(outcome.added, 0);
      assert.deepEqual(outcome.known, [`Line 1 (“${shown(ben)}”): ${sameRespondent('Ben (COO)')}`]);
      // Pasted again under another name: renamed, still one.
      const renamedLine = `Ben Ortiz: ${ben}`;
      outcome = await addLinks(page, renamedLine);
      assert.deepEqual(outcome.known, [
        `Line 1 (“${shown(renamedLine)}”): Ben (COO) was already in the team (the same respondent token): counted once, now named Ben Ortiz.`,
      ]);
      await waitForRespondents(page, 4);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Ben Ortiz', 'Respondent 2', 'Respondent 3', 'Respondent 4']);
      await waitForTeamVerdict(page, 'hold');

      // Ben's newer link: asked; "Keep the older answers" changes nothing.
      outcome = await addLinks(page, benAgain);
      const dialog = askDialog(page);
      await dialog.waitFor();
      assert.equal((await dialog.locator('h2').textContent()).trim(), 'Ben Ortiz answered again: use the newer answers?');
      assert.equal(outcome.again.length, 1);
      await dialog.getByRole('button', { name: 'Keep the older answers' }).click();
      await dialog.waitFor({ state: 'detached' });
      await waitForTeamVerdict(page, 'hold');
      // Asked again; the newer answers replace the older ones, and Undo brings them back.
      await addLinks(page, benAgain);
      await dialog.waitFor();
      await dialog.getByRole('button', { name: "Use Ben Ortiz's newer answers" }).click();
      const replaced = page.locator('[data-notice="answers-replaced"]');
      await replaced.waitFor();
      assert.equal((await replaced.locator('p').textContent()).trim(), 'The newer answers of Ben Ortiz replaced their older ones.');
      await waitForTeamVerdict(page, 'stop');
      await waitForRespondents(page, 4);
      await replaced.getByRole('button', { name: 'Undo' }).click();
      await waitForTeamVerdict(page, 'hold');
      await waitForRespondents(page, 4);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Ben Ortiz', 'Respondent 2', 'Respondent 3', 'Respondent 4']);
    });
  });
});

describe('evidence in the team view (issue #23)', () => {
  test('a named respondent\'s notes reach the agenda and the tally; anonymous notes only from three anonymous respondents, unnumbered', { timeout: TIMEOUT }, async () => {
    const { flag } = questions();
    const note = 'Told twice in March there is no time for structure.';
    await withApp(async ({ page }) => {
      // Ana's link, made with her notes.
      await importAssessment(
        page,
        assessmentFile({ organisation: 'Acme Ana', assessor: 'Ana Keller', answers: healthyAnswers({ [flag]: 'yes' }), notes: { [flag]: note } }),
        'ana.json',
      );
      const ana = await makeLink(page, { notes: true });

      await createTeam(page, 'Evidence');
      const outcome = await addLinks(page, ana);
      assert.equal(outcome.text, 'Added 1 respondent: Ana Keller.');
      // The agenda is one jump away from the top of the page.
      const jump = page.locator('nav.team-jump [data-jump="agenda"]');
      assert.equal((await jump.textContent()).trim(), 'To discuss (1)');
      await jump.click();
      await page.waitForFunction(() => document.activeElement?.id === 'team-agenda-title');
      const agendaItem = page.locator('section.team-agenda ol.agenda > li').first();
      assert.deepEqual(await agendaItem.locator('ul.evidence li').allTextContents(), [`Ana Keller (Yes): ${note}`]);
      assert.deepEqual(
        await page.locator(`section.team-tallies tr[data-item="${flag}"] ul.evidence li`).allTextContents(),
        [`Ana Keller (Yes): ${note}`],
      );

      // Two anonymous respondents with notes (a file carries them): not shown, and why.
      // Respondent tokens: two people who answered alike.
      const anonymous = (n, text) => ({
        name: null,
        organisation: `Acme ${n}`,
        answers: healthyAnswers({ [flag]: 'yes' }),
        notes: { [flag]: text },
        respondent: `00000000000000a${n}`,
      });
      await addFiles(page, [{ name: 'two.json', buffer: json(teamFile('', [anonymous(1, 'zz: from the night shift'), anonymous(2, 'aa: from the day shift')])) }]);
      await waitForRespondents(page, 3);
      assert.deepEqual(await agendaItem.locator('ul.evidence li').allTextContents(), [
        `Ana Keller (Yes): ${note}`,
        '2 notes from anonymous respondents not shown: anonymity needs at least 3 anonymous respondents.',
      ]);
      // A third anonymous respondent: their notes shown by text, never numbered.
      await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', [{ name: null, organisation: 'Acme 3', answers: healthyAnswers() }])) }]);
      await waitForRespondents(page, 4);
      assert.deepEqual(await agendaItem.locator('ul.evidence li').allTextContents(), [
        `Ana Keller (Yes): ${note}`,
        'An anonymous respondent: aa: from the day shift',
        'An anonymous respondent: zz: from the night shift',
      ]);

      // On a phone, no name in the item table is split inside a word.
      await page.setViewportSize({ width: 390, height: 844 });
      const split = await page.locator('section.team-tallies .tally-names').evaluateAll((spans) =>
        spans.flatMap((span) => {
          const node = span.firstChild;
          const words = [];
          for (const match of node.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) words.push(match[0]);
          }
          return words;
        }),
      );
      assert.deepEqual(split, [], 'words split across lines in the item table on a phone');
    });
  });
});

describe('evidence that ages, in the team agenda (issue #22)', () => {
  test('evidence details travel in a link with notes; past their review-by date, the agenda item says so', { timeout: TIMEOUT }, async () => {
    const { flag } = questions();
    await withApp(async ({ page }) => {
      const evidence = { [flag]: { who: 'Ana Keller', when: '2025-12-01', link: 'https://wiki.acme.example/ev', review_by: '2026-01-15' } };
      await importAssessment(
        page,
        { ...assessmentFile({ organisation: 'Acme Aged', assessor: 'Ben Ortiz', answers: healthyAnswers({ [flag]: 'yes' }), evidence }), version: 5 },
        'aged.json',
      );
      const link = await makeLink(page, { notes: true });

      await createTeam(page, 'Aged evidence');
      assert.equal((await addLinks(page, link)).text, 'Added 1 respondent: Ben Ortiz.');
      const item = page.locator('section.team-agenda ol.agenda > li').first();
      assert.equal(
        (await item.locator(`p.stale-evidence[data-stale="${flag}"]`).textContent()).trim(),
        "Evidence to review: one respondent's evidence is past its review-by date.",
      );
      assert.deepEqual(await item.locator('ul.evidence li').allTextContents(), [
        'Ben Ortiz (Yes): Evidence: from Ana Keller, gathered 2025-12-01, https://wiki.acme.example/ev, review by 2026-01-15. To review: past its review-by date.',
      ]);
      assert.equal(await item.locator('a[href*="wiki.acme.example"]').count(), 0, 'the link is text, never followed');
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
    });
  });
});

describe('what the meeting agreed (issue #23)', () => {
  test('a workshop of five agrees item by item, with dissent; the agreed verdict beside the conservative one; the consensus saved, opened and linked back', { timeout: TIMEOUT }, async () => {
    const { facet, flag } = questions();
    const token = (n) => `00000000000000${n}`.slice(-16);
    await withApp(async ({ page }) => {
      const teamId = await createTeam(page, 'Leadership offsite');
      // Ann, Dan and Eve answered alike (three people, not one); Bob reports a red flag; Cleo
      // is not sure about a maturity facet.
      const five = [
        { name: 'Ann', answers: healthyAnswers(), respondent: token('a1') },
        { name: 'Dan', answers: healthyAnswers(), respondent: token('d4') },
        { name: 'Eve', answers: healthyAnswers(), respondent: token('e5') },
        { name: 'Cleo', answers: healthyAnswers({ [facet]: 'not_sure' }), respondent: token('c3') },
      ];
      let outcome = await addFiles(page, [{ name: 'four.json', buffer: json(teamFile('', five)) }]);
      assert.equal(outcome.added, 4);
      const bob = (assessor) => json(assessmentFile({ assessor, answers: healthyAnswers({ [flag]: 'yes' }), respondent: token('b2') }));
      outcome = await addFiles(page, [{ name: 'bob.json', buffer: bob('Bob Baker') }]);
      assert.equal(outcome.added, 1);
      // Bob's file again, with another name in it: the same respondent, counted once.
      outcome = await addFiles(page, [{ name: 'bob-again.json', buffer: bob('Robert Baker') }]);
      assert.equal(outcome.added, 0);
      assert.equal(outcome.known.length, 1);
      await waitForRespondents(page, 5);
      await waitForTeamVerdict(page, 'stop');

      // The agenda: the red flag, then the facet left open behind the Stop.
      const items = page.locator('ol.agenda > li');
      assert.deepEqual(await items.locator('.agreement').evaluateAll((els) => els.map((e) => e.dataset.agreement)), [flag, facet]);
      const agreed = page.locator('.agreed-verdict');
      const progress = agreed.locator('.agreement-progress');
      assert.equal((await progress.textContent()).trim(), 'Agreed on 0 of 2 items to discuss. Until every item is agreed, the team verdict is the conservative one.');
      assert.equal(await agreed.getAttribute('data-verdict'), null);

      // The red flag: the team agrees it is absent; Bob dissents.
      const flagItem = page.locator(`.agreement[data-agreement="${flag}"]`);
      await flagItem.locator(`input[value="no"]`).check();
      await page.locator(`.agreement[data-agreement="${flag}"][data-agreed="no"]`).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), `agree-${flag}-no`, 'focus stays on the answer chosen');
      await flagItem.locator('summary', { hasText: 'Record a dissent' }).click();
      // No name: said where the dissent is given, nothing recorded.
      await flagItem.getByRole('button', { name: 'Record the dissent' }).click();
      await pollUntil(() => flagItem.locator('p[role="alert"]').textContent(), (t) => t.trim() === 'Say who dissents: a dissent needs a name.', 'the missing name');
      await flagItem.getByLabel('Who dissents').fill('Bob');
      await flagItem.getByLabel('Why (optional)').fill('Said twice in the March review.');
      await flagItem.getByLabel('Why (optional)').press('Enter');
      await flagItem.locator('.dissent-list li', { hasText: 'Bob dissents: Said twice in the March review.' }).waitFor();
      assert.equal(await flagItem.getByRole('button', { name: "Withdraw Bob's dissent" }).count(), 1);
      assert.equal((await flagItem.locator('.agreed-line').textContent()).trim(), 'Agreed: No.');
      assert.equal(await flagItem.locator('p[role="alert"]').count(), 0, 'the error is gone');
      assert.deepEqual([await flagItem.getByLabel('Who dissents').inputValue(), await flagItem.getByLabel('Why (optional)').inputValue()], ['', ''], 'the fields emptied for the next one');
      assert.equal(await page.evaluate(() => document.activeElement?.id), `dissent-who-${flag}`, 'ready for the next dissent');
      assert.equal((await progress.textContent()).trim(), 'Agreed on 1 of 2 items to discuss. Until every item is agreed, the team verdict is the conservative one.');

      // The facet: agreed met. Every item agreed: the agreed verdict, beside the conservative one.
      await page.locator(`.agreement[data-agreement="${facet}"] input[value="yes"]`).check();
      await page.locator('.agreed-verdict[data-verdict="ready"]').waitFor();
      assert.equal((await progress.textContent()).trim(), 'Every item to discuss is agreed. The team verdict above stays the conservative one: what the respondents said before the meeting.');
      assert.equal((await agreed.locator('.verdict-headline').textContent()).trim(), 'Ready — begin the deployment sequence');
      await waitForTeamVerdict(page, 'stop');
      assert.equal((await page.locator('section.team-verdict > .verdict-headline').textContent()).trim(), 'Stop — do not deploy KOOM');
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));

      // Saved with the team view (schema 2); the file carries it (format 2) without the library id.
      let stored = await pollUntil(() => storedTeam(page, teamId), (r) => r?.team.agreement?.agreed?.[facet], 'the agreement saved');
      assert.equal(stored.schema, 2);
      assert.deepEqual(stored.team.agreement.agreed[flag], { answer: 'no', dissent: [{ who: 'Bob', why: 'Said twice in the March review.' }] });

      // The consensus assessment, saved in the library and opened.
      await agreed.getByRole('button', { name: 'Save the agreed assessment in the library' }).click();
      await pollUntil(() => messageNotice(page).textContent(), (t) => t.includes('Saved the agreed assessment “Acme Logistics” in your library.'), 'the saved notice');
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'open-agreed', 'focus on the button that opens it');
      stored = await pollUntil(() => storedTeam(page, teamId), (r) => r?.team.agreement?.saved_as, 'the link to the agreed assessment');
      const consensus = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `koom-readiness/assessment/${stored.team.agreement.saved_as}`));
      assert.equal(consensus.assessment.assessor, 'Agreed by the team view “Leadership offsite”');
      assert.equal(consensus.assessment.answers[flag], 'no');
      assert.equal(consensus.assessment.answers[facet], 'yes');
      assert.equal(consensus.assessment.notes[flag], 'Agreed in the team meeting. Bob dissents: Said twice in the March review.');
      await agreed.getByRole('button', { name: 'Open the agreed assessment' }).click();
      await waitForView(page, 'report');
      await waitForVerdict(page, 'ready');
      const back = page.locator('.from-team');
      assert.equal(await textOf(back), 'Saved from what the team view “Leadership offsite” agreed. Open the team view');
      await back.getByRole('button', { name: 'Open the team view' }).click();
      await waitForTeamVerdict(page, 'stop');

      // After a reload, all of it is still there; changing an answer takes the agreed verdict away.
      await page.reload();
      await waitForTeamVerdict(page, 'stop');
      await page.locator('.agreed-verdict[data-verdict="ready"]').waitFor();
      assert.equal(await page.locator(`[id="agree-${flag}-no"]`).isChecked(), true);
      await page.locator(`.agreement[data-agreement="${facet}"]`).getByRole('button', { name: 'Clear the agreed answer' }).click();
      await pollUntil(() => progress.textContent(), (t) => t.trim().startsWith('Agreed on 1 of 2 items'), 'the agreement incomplete again');
      assert.equal(await agreed.getAttribute('data-verdict'), null);
      // The saved assessment stays reachable while the agreement is incomplete again.
      assert.equal(await agreed.getByRole('button', { name: 'Open the agreed assessment' }).count(), 1);
      assert.equal(await agreed.getByRole('button', { name: /^Save/ }).count(), 0);
      // Bob withdraws his dissent: focus goes to "Record a dissent", not to the page.
      await page.locator(`.agreement[data-agreement="${flag}"]`).getByRole('button', { name: "Withdraw Bob's dissent" }).click();
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === `dissent-summary-${flag}`, 'focus on "Record a dissent"');
      assert.equal(await page.locator(`.agreement[data-agreement="${flag}"] .dissent-list`).count(), 0);
    });
  });
});

describe('the meeting run item by item (issue #23)', () => {
  test('disagreements first, answers hidden until revealed, agreed on the spot, by keyboard; the join code on J; Escape returns to the team view', { timeout: TIMEOUT }, async () => {
    const { flag, coe } = questions();
    const token = (n) => `00000000000000${n}`.slice(-16);
    await withApp(async ({ page }) => {
      await createTeam(page, 'Workshop');
      // Both report the red flag (a blocker, no disagreement); they disagree on a green flag.
      const two = [
        { name: 'Ann', answers: healthyAnswers({ [flag]: 'yes', [coe]: 'yes' }), respondent: token('a1') },
        { name: 'Bob', answers: healthyAnswers({ [flag]: 'yes', [coe]: 'no' }), respondent: token('b2') },
      ];
      await addFiles(page, [{ name: 'two.json', buffer: json(teamFile('', two)) }]);
      await waitForRespondents(page, 2);
      const agenda = await page.locator('ol.agenda .agreement').evaluateAll((els) => els.map((e) => e.dataset.agreement));
      assert.deepEqual(agenda, [flag, coe], 'the agenda: the blocker first');

      await page.getByRole('button', { name: 'Run the meeting, item by item' }).click();
      const presenter = page.locator('section.presenter');
      await presenter.waitFor();
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'main-heading', 'focus on the item');
      assert.equal(await page.locator('article.team').count(), 0, 'the workshop takes the screen');
      const count = () => presenter.locator('.presenter-count').textContent();
      assert.equal((await count()).trim(), 'Item 1 of 2');
      assert.equal(await presenter.locator('.agreement').getAttribute('data-agreement'), coe, 'the disagreement first');
      assert.equal(await presenter.locator('.presenter-said').getAttribute('data-revealed'), 'false');
      assert.equal(await presenter.getByText('Said:').count(), 0, 'no tally before it is revealed');
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));

      // J shows the join code for the phones in the room (here served to this computer only,
      // which it says); Escape closes it without ending the meeting; J again shows, J hides.
      const joinButton = presenter.getByRole('button', { name: 'Join code (J)' });
      await page.keyboard.press('j');
      const join = presenter.locator('.presenter-join .join-code');
      await join.waitFor();
      assert.equal(await joinButton.getAttribute('aria-expanded'), 'true');
      assert.equal(await join.getAttribute('data-join'), 'unreachable');
      assert.match(await join.locator('.join-problem').textContent(), /^This address only works on this computer/);
      assert.equal(await join.locator('svg[role="img"]').getAttribute('aria-label'), 'Scan to open KOOM Readiness on your phone');
      const address = await page.evaluate(() => `${location.origin}${location.pathname}#/`);
      assert.equal((await join.locator('.join-address code').textContent()).trim(), address, 'the start screen: no query, its own fragment');
      const joinViolations = await runAxe(page);
      assert.equal(joinViolations.length, 0, formatViolations(joinViolations));
      await page.keyboard.press('Escape');
      await pollUntil(() => presenter.locator('.presenter-join').count(), (n) => n === 0, 'the join code closed by Escape');
      assert.equal(await presenter.isVisible(), true, 'the meeting goes on');
      assert.equal((await count()).trim(), 'Item 1 of 2');
      await page.keyboard.press('J');
      await join.waitFor();
      await page.keyboard.press('j');
      await pollUntil(() => presenter.locator('.presenter-join').count(), (n) => n === 0, 'the join code hidden');
      assert.equal(await joinButton.getAttribute('aria-expanded'), 'false');
      // The join address, opened on a phone that used the app before, shows the start screen.
      await page.context().newPage().then(async (phone) => {
        await phone.goto(address);
        await phone.locator('#new-team-title').waitFor();
        assert.equal(await phone.evaluate(() => location.hash), '#/');
        await phone.close();
      });

      await page.keyboard.press('Space');
      await presenter.locator('.presenter-said[data-revealed="true"]').waitFor();
      assert.equal((await presenter.locator('.presenter-said p').first().textContent()).trim(), 'Said: Yes 1 (Ann) · No 1 (Bob)');
      await presenter.locator('input[value="yes"]').check();
      await presenter.locator(`.agreement[data-agreed="yes"]`).waitFor();
      // Typed into a field, J is a letter, not the join code.
      await presenter.locator('summary', { hasText: 'Record a dissent' }).click();
      await presenter.locator('input[id^="dissent-who-"]').fill('');
      await presenter.locator('input[id^="dissent-who-"]').pressSequentially('Jo');
      assert.equal(await presenter.locator('.presenter-join').count(), 0, 'J typed in a name');
      assert.equal(await presenter.locator('input[id^="dissent-who-"]').inputValue(), 'Jo');
      await presenter.locator('summary', { hasText: 'Record a dissent' }).click();
      await presenter.locator('h1#main-heading').focus();

      await presenter.getByRole('button', { name: 'Next →' }).click();
      await pollUntil(count, (t) => t.trim() === 'Item 2 of 2', 'the second item');
      assert.equal(await presenter.locator('.agreement').getAttribute('data-agreement'), flag);
      assert.equal(await presenter.locator('.presenter-said').getAttribute('data-revealed'), 'false', 'each item hidden until revealed');
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'main-heading', 'focus on the new item');
      await page.keyboard.press('r');
      await presenter.locator('.presenter-said[data-revealed="true"]').waitFor();
      await page.keyboard.press('ArrowLeft');
      await pollUntil(count, (t) => t.trim() === 'Item 1 of 2', 'back to the first');
      assert.equal(await presenter.locator('.presenter-said').getAttribute('data-revealed'), 'true', 'what was revealed stays revealed');
      await page.keyboard.press('ArrowRight');
      await pollUntil(count, (t) => t.trim() === 'Item 2 of 2', 'forward again');

      await page.keyboard.press('Escape');
      await page.locator('article.team').waitFor();
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'start-workshop', 'focus back on the button that starts it');
      assert.equal(await page.locator(`.agreement[data-agreement="${coe}"]`).getAttribute('data-agreed'), 'yes', 'agreed in the workshop, kept');

      // A team view file whose meeting agreed on something: its respondents join, its agreement
      // stays with it, and the outcome says so.
      const third = { name: 'Cleo', answers: healthyAnswers({ [flag]: 'yes', [coe]: 'yes' }), respondent: token('c3') };
      const agreedFile = teamFile('Other meeting', [third]);
      agreedFile.version = 2;
      agreedFile.team.agreement = { agreed: { [coe]: { answer: 'no' }, [flag]: { answer: 'yes' } } };
      const added = await addFiles(page, [{ name: 'other.json', buffer: json(agreedFile) }]);
      assert.equal(added.added, 1);
      assert.deepEqual(added.notCarried, [
        '“other.json” also holds what its meeting agreed (2 items): that stays with it. To keep it, import the file on the start screen as a team view of its own.',
      ]);
      assert.equal(await page.locator(`.agreement[data-agreement="${coe}"]`).getAttribute('data-agreed'), 'yes', 'this team\'s agreement unchanged');

      // The team page offers the same join code, folded away until asked for.
      const fold = page.locator('details.team-join');
      assert.equal(await fold.locator('svg[role="img"]').isVisible(), false);
      await fold.locator('summary').click();
      await fold.locator('svg[role="img"][aria-label="Scan to open KOOM Readiness on your phone"]').waitFor();
    });
  });
});

// ---- 3. Remove and Undo ---------------------------------------------------------------------------

describe('removing a respondent', () => {
  test('asks in the page; Keep changes nothing; Undo puts it back at the same place; the counts follow', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { flag } = questions();
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      const id = await createTeam(page, 'Removals');
      await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('Three', threeRespondents())) }]);
      await waitForRespondents(page, 3);
      const meta = () => textOf(page.locator('article.team .report-meta'));
      const flagRow = async () => (await tallyRows(page)).find((r) => r.id === flag);
      assert.match(await meta(), /^3 respondents \(3 named, 0 anonymous\)\./);
      assert.deepEqual((await flagRow()).counts, [1, 2, 0, 0]);
      assert.equal(await page.locator('section.team-verdict').getAttribute('data-verdict'), 'stop');
      const bob = page.locator('li.respondent[data-respondent="1"]');
      assert.equal((await bob.locator('.respondent-name').textContent()).trim(), 'Bob');

      // Asked; "Keep" keeps him.
      await bob.getByRole('button', { name: 'Remove Bob' }).click();
      const ask = askDialog(page);
      await ask.waitFor();
      assert.equal((await ask.locator('#ask-title').textContent()).trim(), 'Remove Bob?');
      assert.equal((await ask.locator('#ask-message').textContent()).trim(), "Bob's answers leave the team view and every count. You can undo this right after.");
      await ask.getByRole('button', { name: 'Keep' }).click();
      await askDialog(page).waitFor({ state: 'detached' });
      await waitForRespondents(page, 3);

      // Removed: the counts, the verdict and the record follow.
      await bob.getByRole('button', { name: 'Remove Bob' }).click();
      await askDialog(page).getByRole('button', { name: 'Remove Bob' }).click();
      await waitForRespondents(page, 2);
      const notice = page.locator('[data-notice="respondent-removed"]');
      await notice.waitFor();
      assert.equal(await textOf(notice.locator('p')), 'Removed Bob from the team view.');
      assert.deepEqual((await respondentsShown(page)).map((r) => [r.index, r.name]), [[0, 'Ann'], [1, 'Cleo']]);
      assert.equal((await page.locator('#team-respondents-title').textContent()).trim(), 'Respondents (2)');
      assert.match(await meta(), /^2 respondents \(2 named, 0 anonymous\)\./);
      assert.deepEqual((await flagRow()).counts, [0, 2, 0, 0]);
      assert.equal(await page.locator('section.team-verdict').getAttribute('data-verdict'), 'hold');
      await pollUntil(() => storedTeam(page, id), (r) => r.team.respondents.length === 2, 'the record without Bob');

      // Undo: back in second place.
      await notice.getByRole('button', { name: 'Undo' }).click();
      await waitForRespondents(page, 3);
      await messageNotice(page).filter({ hasText: 'Bob is back.' }).waitFor();
      assert.equal(await notice.count(), 0, 'the "Removed" notice is still offered after Undo');
      assert.deepEqual((await respondentsShown(page)).map((r) => [r.index, r.name]), [[0, 'Ann'], [1, 'Bob'], [2, 'Cleo']]);
      assert.deepEqual((await flagRow()).counts, [1, 2, 0, 0]);
      assert.match(await meta(), /^3 respondents \(3 named, 0 anonymous\)\./);
      assert.equal(await page.locator('section.team-verdict').getAttribute('data-verdict'), 'stop');
      const record = await pollUntil(() => storedTeam(page, id), (r) => r.team.respondents.length === 3, 'the record with Bob again');
      assert.deepEqual(record.team.respondents.map((r) => r.name), ['Ann', 'Bob', 'Cleo']);
      assert.deepEqual(dialogs, [], 'a native dialog was used');
    });
  });
});

// ---- 4. Anonymous respondents -------------------------------------------------------------------

describe('anonymous respondents', () => {
  test('are numbered; their names are nowhere (page, Markdown, team file, storage); one or two are flagged attributable', { timeout: TIMEOUT }, async () => {
    const { dana, eli } = await links();
    const NAMES = ['Dana', 'Okafor', 'Eli', 'Park', 'Fay', 'Quinn'];
    const named = (text) => NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
    await withApp(async ({ page }) => {
      const id = await createTeam(page, 'Anonymous survey');
      await page.locator('#team-anonymous').check();
      const outcome = await addLinks(page, `Dana: ${dana}\n${eli}`);
      assert.deepEqual(outcome, { added: 2, text: 'Added 2 respondents: Respondent 1, Respondent 2.', refused: [], known: [], again: [] });
      await waitForRespondents(page, 2);
      assert.deepEqual(
        (await respondentsShown(page)).map(({ name, anonymous }) => ({ name, anonymous })),
        [{ name: 'Respondent 1', anonymous: true }, { name: 'Respondent 2', anonymous: true }],
      );
      // Two anonymous: their answers may be attributable.
      const warning = page.locator('section.team-verdict .anonymity[data-attributable="true"]');
      await warning.waitFor();
      assert.ok(await warning.isVisible());
      assert.match(await textOf(warning), /Only 2 respondents are anonymous: their answers may be attributable/);

      /** Looks for the names in everything the team view shows and gives. */
      async function assertNoNames(what) {
        const pageText = await page.locator('body').innerText();
        const html = await page.locator('article.team').evaluate((article) => article.outerHTML);
        const md = await captureDownload(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
        const file = await captureDownload(page, () => page.getByRole('button', { name: 'Export team file (JSON)' }).click());
        const record = await storedTeam(page, id);
        assert.deepEqual(
          { page: named(pageText), html: named(html), markdown: named(md.text), file: named(file.text), storage: named(JSON.stringify(record)) },
          { page: [], html: [], markdown: [], file: [], storage: [] },
          `${what}: an anonymous respondent's name appears`,
        );
        const parsed = JSON.parse(file.text);
        assert.ok(parsed.team.respondents.every((r) => r.name === null && r.assessment.assessor === ''), `${what}: the team file names someone`);
        return { md: md.text };
      }
      let { md } = await assertNoNames('two anonymous');
      assert.match(md, /\*\*Anonymity:\*\* Only 2 respondents are anonymous: their answers may be attributable/);
      assert.match(md, /\| Respondent 1 \| Ready — begin the deployment sequence \|/);
      assert.match(md, /\| Respondent 2 \| Stop — do not deploy KOOM \|/);

      // A third: anonymity holds; the warning is no longer the attributable one.
      const fay = assessmentFile({ organisation: 'Acme East', assessor: 'Fay Quinn', answers: healthyAnswers({ [questions().facet]: 'not_sure' }) });
      const third = await addFiles(page, [{ name: 'response-3.json', buffer: json(fay) }]);
      assert.deepEqual(third, { added: 1, text: 'Added 1 respondent: Respondent 3.', refused: [], known: [], again: [] });
      await waitForRespondents(page, 3);
      assert.equal(await page.locator('.anonymity[data-attributable="true"]').count(), 0, 'three anonymous respondents are still flagged attributable');
      const note = page.locator('section.team-verdict .anonymity');
      assert.equal(await textOf(note), '3 respondents are anonymous: they are shown as “Respondent N” and only counted, never named.');
      ({ md } = await assertNoNames('three anonymous'));
      assert.match(md, /\*\*Anonymity:\*\* 3 respondents are anonymous: they are shown as “Respondent N” and only counted, never named\./);
    });
  });
});

// ---- 5. Team file, import, library -----------------------------------------------------------

describe('the team file and the library', () => {
  test('export, then import on the start screen: a new team view with the same respondents; delete asks, Undo restores', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const id = await createTeam(page, 'Leadership team');
      await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('Three', threeRespondents())) }]);
      await page.locator('#team-anonymous').check();
      const { flag, facet } = questions();
      await addFiles(page, [{ name: 'anon.json', buffer: json(assessmentFile({ assessor: 'Zoe Secret', answers: healthyAnswers({ [flag]: 'not_sure', [facet]: 'no' }) })) }]);
      await waitForRespondents(page, 4);
      const shownBefore = await respondentsShown(page);
      const verdictBefore = await page.locator('section.team-verdict').getAttribute('data-verdict');

      const file = await captureDownload(page, () => page.getByRole('button', { name: 'Export team file (JSON)' }).click());
      stampedDay(file.name, (d) => `koom-readiness-team-leadership-team-${d}.json`, 'the team file name');
      const exported = JSON.parse(file.text);
      assert.equal(exported.format, 'koom-readiness/team');
      assert.equal(exported.version, 1);
      assert.equal(exported.team.title, 'Leadership team');
      assert.deepEqual(exported.team.respondents.map((r) => r.name), ['Ann', 'Bob', 'Cleo', null]);
      const original = await storedTeam(page, id);
      assert.deepEqual(exported.team, original.team, 'the file differs from the saved team view');

      // Imported on the start screen: a new team view, with the same respondents.
      await importFile(page, file.name, file.text);
      await messageNotice(page).filter({ hasText: `Imported “${file.name}” as a new team view.` }).waitFor();
      await waitForRespondents(page, 4);
      const importedId = await teamIdOf(page);
      assert.notEqual(importedId, id, 'the import wrote over the team view it came from');
      const importedDay = stampedDay((await page.locator('#main-heading').textContent()).trim(), (d) => `Leadership team (imported ${d})`, 'the imported team view');
      assert.deepEqual(await respondentsShown(page), shownBefore);
      assert.equal(await page.locator('section.team-verdict').getAttribute('data-verdict'), verdictBefore);
      const imported = await pollUntil(() => storedTeam(page, importedId), Boolean, 'the imported team view saved');
      assert.deepEqual(imported.team.respondents, original.team.respondents);

      // Both in the library.
      await returnToStart(page);
      const entries = page.locator('li.team-entry');
      await pollUntil(() => entries.count(), (n) => n === 2, 'two team views in the library');
      const entry = page.locator(`li.team-entry[data-team="${importedId}"]`);
      assert.match(await textOf(entry), new RegExp(`Leadership team \\(imported ${importedDay}\\).* · 4 respondents · changed`));
      assert.equal(await page.locator(`li.team-entry[data-team="${id}"]`).count(), 1);

      // Delete asks; Keep keeps; Delete deletes; Undo restores.
      const title = `Leadership team (imported ${importedDay})`;
      await entry.getByRole('button', { name: `Delete ${title}` }).click();
      const ask = askDialog(page);
      await ask.waitFor();
      assert.equal((await ask.locator('#ask-title').textContent()).trim(), `Delete “${title}”?`);
      await ask.getByRole('button', { name: 'Keep' }).click();
      assert.equal(await entry.count(), 1);
      await entry.getByRole('button', { name: `Delete ${title}` }).click();
      await askDialog(page).getByRole('button', { name: 'Delete', exact: true }).click();
      await entry.waitFor({ state: 'detached' });
      assert.equal(await storedTeam(page, importedId), null, 'the deleted team view is still stored');
      assert.equal(await entries.count(), 1);
      const deleted = page.locator('[data-notice="team-deleted"]');
      assert.equal(await textOf(deleted.locator('p')), `Deleted “${title}”.`);
      await deleted.getByRole('button', { name: 'Undo' }).click();
      await entry.waitFor();
      await messageNotice(page).filter({ hasText: `Restored “${title}”.` }).waitFor();
      assert.equal(await entries.count(), 2);
      assert.deepEqual((await storedTeam(page, importedId)).team, imported.team, 'Undo did not restore the same team view');

      // The restored one opens from the library.
      await entry.locator('button.entry-name').click();
      await waitForRespondents(page, 4);
      assert.equal(await teamIdOf(page), importedId);
      assert.deepEqual(await respondentsShown(page), shownBefore);
    });
  });
});

// ---- 6. From a shared link's banner ---------------------------------------------------------------

describe('"Add to a team view" on a shared assessment', () => {
  test('adds the shared assessment to a new team view, then another to that one', { timeout: TIMEOUT }, async () => {
    const { eli, fay } = await links();
    await withFreshContext(eli, async ({ page }) => {
      const banner = page.locator('[data-opened="shared"]');
      await banner.waitFor();
      const select = banner.locator('select#add-to-team');
      // Its code is the later part's (the split build): it comes at idle, after the banner.
      await select.waitFor();
      assert.deepEqual(await select.locator('option').allTextContents(), ['A new team view']);
      assert.equal((await page.locator('label[for="add-to-team"]').textContent()).trim(), 'Add to a team view');
      await banner.getByRole('button', { name: 'Add', exact: true }).click();
      await waitForRespondents(page, 1);
      const id = await teamIdOf(page);
      assert.deepEqual((await respondentsShown(page)).map(({ name, verdict }) => ({ name, verdict })), [{ name: 'Eli Park', verdict: 'stop' }]);
      assert.equal((await readOutcome(page, { prepared: false })).text, 'Added 1 respondent: Eli Park.');
      const record = await pollUntil(() => storedTeam(page, id), (r) => r?.team.respondents.length === 1, 'the new team view saved');
      assert.equal(record.team.respondents[0].assessment.assessor, 'Eli Park');

      // A second link, added to that team view.
      await page.goto(fay);
      await banner.waitFor();
      await page.locator('[data-opened="shared"] strong', { hasText: 'Acme East' }).waitFor();
      await select.waitFor();
      assert.deepEqual(await select.locator('option').allTextContents(), ['Untitled team view', 'A new team view']);
      await select.selectOption(id);
      await banner.getByRole('button', { name: 'Add', exact: true }).click();
      await waitForRespondents(page, 2);
      assert.equal(await teamIdOf(page), id);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Eli Park', 'Fay Quinn']);
      await pollUntil(() => storedTeam(page, id), (r) => r.team.respondents.length === 2, 'the team view saved with two');
      assert.equal((await storageEntries(page, TEAM_PREFIX)).length, 1, 'another team view was created');
      assert.equal((await storageEntries(page, 'koom-readiness/assessment/')).length, 0, 'adding a shared assessment to a team view saved it as an assessment');
    });
  });
});

// ---- 7. Accessibility ------------------------------------------------------------------------------

const LOOKS = [
  { name: 'desktop', contextOptions: { viewport: DESKTOP } },
  { name: 'phone', contextOptions: PHONE_CONTEXT, phone: true },
];

describe('accessibility of the team view', () => {
  for (const look of LOOKS) {
    test(`a team view with respondents: no axe-core violations${look.phone ? ', no sideways scrolling' : ''} (${look.name})`, { timeout: TIMEOUT }, async () => {
      const { dana } = await links();
      await withApp(
        async ({ page }) => {
          const problems = [];
          const check = async (label) => {
            const violations = await runAxe(page);
            if (violations.length) problems.push(`${label}: ${violations.length} axe-core violation(s)\n${formatViolations(violations)}`);
            if (look.phone) {
              const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
              if (widths.scroll > widths.inner) problems.push(`${label}: the page scrolls sideways (${widths.scroll}px wide in ${widths.inner}px)`);
            }
          };
          await createTeam(page, 'Leadership team with a rather long title, to see how it wraps on a phone');
          await check('empty team view');
          await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', threeRespondents())) }]);
          await page.locator('#team-anonymous').check();
          const outcome = await addLinks(page, `${dana}\nnot a link at all`);
          assert.equal(outcome.added, 1);
          assert.equal(outcome.refused.length, 1);
          await waitForRespondents(page, 4);
          await page.locator('.anonymity[data-attributable="true"]').waitFor();
          await check('four respondents, a line refused, an anonymity warning');
          await page.locator('#only-disagreements').check();
          await page.locator('section.team-tallies tr[data-disagree="true"]').first().waitFor();
          await check('only the disagreements');
          const agreement = page.locator('ol.agenda .agreement').first();
          await agreement.locator('input[value="not_sure"]').check();
          await agreement.locator('summary', { hasText: 'Record a dissent' }).click();
          await agreement.getByLabel('Who dissents').waitFor();
          await check('an agreed answer, the dissent form open');
          await page.locator('li.respondent[data-respondent="0"]').getByRole('button', { name: 'Rename Ann' }).click();
          await page.locator('#respondent-name').waitFor();
          await check('renaming a respondent');
          await page.locator('li.respondent .rename').getByRole('button', { name: 'Cancel' }).click();
          await page.locator('li.respondent[data-respondent="1"]').getByRole('button', { name: 'Remove Bob' }).click();
          await askDialog(page).waitFor();
          await check('asked before removing');
          await askDialog(page).getByRole('button', { name: 'Remove Bob' }).click();
          await page.locator('[data-notice="respondent-removed"]').waitFor();
          await check('the "Removed" notice');
          assert.equal(problems.length, 0, `accessibility problems:\n${problems.join('\n')}`);
        },
        { contextOptions: look.contextOptions },
      );
    });
  }
});

// ---- 8. Keyboard only ---------------------------------------------------------------------------

/** What has focus: { id, tag, text, inDialog }. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', id: '', text: '' };
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      inDialog: Boolean(el.closest('dialog#ask-dialog')),
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

const describeFocus = (f) => (f.tag === 'body' ? 'body' : `${f.tag}${f.id ? `#${f.id}` : ''}${f.text ? ` "${f.text}"` : ''}`);

/** Presses `key` until `matches(focused)` holds; fails naming the path focus took. */
const pressUntil = (page, key, matches, what, max = 40) =>
  pressKeyUntil(page, key, matches, what, { focused, describe: describeFocus, max });

describe('the team view by keyboard only', () => {
  test('create, paste and add links, remove one (asked and answered by keyboard), undo', { timeout: TIMEOUT }, async () => {
    const { dana, eli, fay } = await links();
    await withApp(async ({ page }) => {
      // The start screen: the title of a new team view, Enter.
      await pressUntil(page, 'Tab', (f) => f.id === 'new-team-title', 'the title of a new team view', 60);
      await page.keyboard.type('Keyboard team');
      await page.keyboard.press('Enter');
      await page.locator('article.team[data-respondents="0"]').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
      assert.equal((await page.locator('#main-heading').textContent()).trim(), 'Keyboard team');

      // The links: typed (pasted) one per line, then "Add from links".
      await pressUntil(page, 'Tab', (f) => f.id === 'team-links', 'the share links box');
      await page.keyboard.insertText(`Dana: ${dana}`);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(eli);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`Fay: ${fay}`);
      const button = await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === 'Add from links', 'the "Add from links" button', 3);
      assert.ok(button.focusVisible, 'the "Add from links" button shows no focus indicator');
      await page.keyboard.press('Enter');
      await waitForRespondents(page, 3);
      await page.waitForFunction(() => document.activeElement?.id === 'team-add-outcome');
      assert.equal(await textOf(page.locator('#team-add-outcome p.added')), 'Added 3 respondents: Dana, Eli Park, Fay.');

      // Remove Eli: Tab onward to his "Remove" button, Enter; the dialog has focus on "Keep".
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === 'Remove Eli Park', 'Remove Eli Park');
      await page.keyboard.press('Enter');
      await askDialog(page).waitFor();
      const keep = await focused(page);
      assert.ok(keep.inDialog && keep.text === 'Keep', `the dialog opened with focus on ${describeFocus(keep)}, not on "Keep"`);
      // Escape keeps him.
      await page.keyboard.press('Escape');
      await askDialog(page).waitFor({ state: 'detached' });
      await waitForRespondents(page, 3);
      const back = await focused(page);
      assert.equal(back.text, 'Remove Eli Park', `after Escape focus went to ${describeFocus(back)}, not back to "Remove Eli Park"`);
      // Again, and confirmed: Shift+Tab from "Keep" to "Remove Eli Park", Enter.
      await page.keyboard.press('Enter');
      await askDialog(page).waitFor();
      await pressUntil(page, 'Shift+Tab', (f) => f.inDialog && f.text === 'Remove Eli Park', 'the dialog\'s "Remove Eli Park"', 3);
      await page.keyboard.press('Enter');
      await waitForRespondents(page, 2);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Dana', 'Fay']);
      await page.locator('[data-notice="respondent-removed"]').waitFor();

      // Undo by keyboard: the notice is above the list (Chromium goes on from where the
      // removed button was).
      await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'button' && f.text === 'Undo', 'the "Undo" button', 60);
      await page.keyboard.press('Enter');
      await waitForRespondents(page, 3);
      assert.deepEqual((await respondentsShown(page)).map((r) => r.name), ['Dana', 'Eli Park', 'Fay']);
    });
  });

  test(
    'after a respondent is removed by keyboard, focus stays in the team view (not lost on the page body)',
    {
      timeout: TIMEOUT,
    },
    async () => {
      await withApp(async ({ page }) => {
        await createTeam(page, 'Focus after removal');
        await addFiles(page, [{ name: 'three.json', buffer: json(teamFile('', threeRespondents())) }]);
        await waitForRespondents(page, 3);
        await page.locator('li.respondent[data-respondent="1"]').getByRole('button', { name: 'Remove Bob' }).focus();
        await page.keyboard.press('Enter');
        await askDialog(page).waitFor();
        await pressUntil(page, 'Shift+Tab', (f) => f.inDialog && f.text === 'Remove Bob', 'the dialog\'s "Remove Bob"', 3);
        await page.keyboard.press('Enter');
        await waitForRespondents(page, 2);
        await page.locator('[data-notice="respondent-removed"]').waitFor();
        await page.waitForTimeout(300);
        const after = await focused(page);
        assert.notEqual(after.tag, 'body', 'after removing a respondent, focus was lost (on the page body)');
        assert.ok(
          await page.evaluate(() => Boolean(document.activeElement?.closest('article.team'))),
          `after removing a respondent focus is on ${describeFocus(after)}, outside the team view`,
        );
      });
    },
  );
});

describe('share links damaged in transport', () => {
  test('a pasted link with ")" or a quote after it, <…> around it, or broken by an e-mail line wrap is added; a cut one is still named', { timeout: TIMEOUT }, async () => {
    const { dana, eli, fay } = await links();
    await withApp(async ({ page }) => {
      await createTeam(page, 'Transport damage');
      const payload = payloadOf(eli);
      const base = eli.split('#/s/')[0];
      // Quoted-printable mail: a soft break "=" where the line was wrapped.
      const wrapped = `${base}#/s/${payload.slice(0, 50)}=\n${payload.slice(50)}`;
      const cut = `${base}#/s/${payloadOf(fay).slice(0, 40)}`;
      const text = `Dana (${dana}).\nEli: <${wrapped}>\nFay: "${fay}"\nGil: ${cut})`;
      const outcome = await addLinks(page, text);
      assert.equal(outcome.added, 3, `not all three damaged links were added: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.refused.length, 1, `expected the cut link alone refused: ${JSON.stringify(outcome)}`);
      assert.match(outcome.refused[0], /^Line 5 \(“Gil: /, `the refusal does not name the cut link's line: ${outcome.refused[0]}`);
      await waitForRespondents(page, 3);
    });
  });
});

/**
 * A camera and a QR reader for a browser that has neither (Chromium on Linux has no
 * BarcodeDetector): the camera is a canvas's stream, and the reader returns, one look at a
 * time, the texts queued in `window.__scanQueue` (a look with nothing queued reads no code).
 * Records the streams handed out, the constraints asked for and the formats asked of the reader;
 * `window.__cameraDelay` ms pass before the camera is given.
 */
function installFakeCamera(page) {
  return page.evaluate(() => {
    window.__scanQueue = [];
    window.__cameraStreams = [];
    window.__cameraDenied = false;
    window.BarcodeDetector = class {
      static async getSupportedFormats() {
        return ['qr_code', 'ean_13'];
      }
      constructor(options) {
        window.__detectorFormats = options?.formats;
      }
      async detect(source) {
        if (!(source instanceof HTMLVideoElement)) throw new TypeError('the reader was not given the video');
        const text = window.__scanQueue.shift();
        return text === undefined ? [] : [{ rawValue: text, format: 'qr_code' }];
      }
    };
    window.__cameraDelay = 0;
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      window.__cameraConstraints = constraints;
      // A phone takes a while to start its camera (or the person to allow it).
      await new Promise((done) => setTimeout(done, window.__cameraDelay));
      if (window.__cameraDenied) throw new DOMException('Permission denied', 'NotAllowedError');
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      canvas.getContext('2d').fillRect(0, 0, 320, 240);
      const stream = canvas.captureStream(5);
      window.__cameraStreams.push(stream);
      return stream;
    };
  });
}

/** Whether every camera stream handed out has been turned off (each track ended). */
const camerasOff = (page) => page.evaluate(() => window.__cameraStreams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')));

/** Queues `texts` for the fake reader's next looks. */
const holdUp = (page, ...texts) => page.evaluate((t) => window.__scanQueue.push(...t), texts);

describe('QR codes read by the camera (issue #23)', () => {
  test('only where the browser reads QR codes; each phone added once, a code that is no link named; Stop and leaving turn the camera off; a refused camera says why', { timeout: TIMEOUT }, async () => {
    const { dana, eli } = await links();
    await withApp(async ({ page }) => {
      const native = await page.evaluate(() => 'BarcodeDetector' in window);
      await createTeam(page, 'No camera reader');
      await page.locator('#team-links').waitFor();
      await page.waitForTimeout(200);
      if (!native) {
        assert.equal(await page.getByRole('button', { name: 'Scan QR codes' }).count(), 0, 'a browser without a QR reader offers scanning');
      }

      await returnToStart(page);
      await installFakeCamera(page);
      await createTeam(page, 'Scanned in the room');
      const scan = page.getByRole('button', { name: 'Scan QR codes' });
      await scan.click();
      const status = page.locator('.qr-scan-status');
      await status.filter({ hasText: 'Scanning… no code read yet.' }).waitFor();
      await page.locator('video#qr-scan-video').waitFor();
      await pollUntil(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'qr-scan-stop', 'focus on "Stop scanning"');
      assert.deepEqual(await page.evaluate(() => [window.__cameraConstraints.video.facingMode, window.__cameraConstraints.audio, window.__detectorFormats]), ['environment', false, ['qr_code']]);
      assert.ok(await page.evaluate(() => document.getElementById('qr-scan-video').srcObject === window.__cameraStreams[0]), 'the camera is not shown in the video');

      // Dana's phone held up for two looks: one respondent.
      await holdUp(page, `Dana: ${dana}`, `Dana: ${dana}`);
      await waitForRespondents(page, 1);
      await status.filter({ hasText: 'Scanning… 1 code read.' }).waitFor();
      await pollUntil(() => page.evaluate(() => window.__scanQueue.length), (n) => n === 0, 'both looks taken');
      await page.waitForTimeout(600);
      assert.equal((await page.locator('#team-add-outcome p.added').textContent()).trim(), 'Added 1 respondent: Dana.');
      assert.equal(await page.locator('article.team').getAttribute('data-respondents'), '1', 'a code held up twice was added twice');

      assert.equal((await status.textContent()).trim(), 'Scanning… 1 code read.', 'a code held up twice was counted twice');

      // The list keeps its rows: adding Eli adds one, Dana's row is the same element.
      await page.evaluate(() => { document.querySelector('li.respondent').dataset.e2eKept = 'yes'; });
      await holdUp(page, eli);
      await waitForRespondents(page, 2);
      await status.filter({ hasText: 'Scanning… 2 codes read.' }).waitFor();
      assert.equal(await page.locator('li.respondent[data-e2e-kept="yes"]').count(), 1, 'the respondents list was drawn again');

      // A code that is no share link (a Wi-Fi code, say) is named; nothing else changes.
      await holdUp(page, 'WIFI:S:Room 4;T:WPA;P:secret;;');
      await page.locator('#team-add-outcome .add-refused li').waitFor();
      assert.deepEqual(
        (await page.locator('#team-add-outcome .add-refused li').allTextContents()).map((t) => t.trim()),
        [`The scanned QR code (“WIFI:S:Room 4;T:WPA;P:secret;;”): ${NOT_A_LINK}`],
      );
      assert.equal(await page.locator('article.team').getAttribute('data-respondents'), '2');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'qr-scan-stop', 'an added code took focus from the scanner');

      const violations = await runAxe(page);
      assert.equal(violations.length, 0, formatViolations(violations));

      await page.getByRole('button', { name: 'Stop scanning' }).click();
      await scan.waitFor();
      assert.equal(await page.locator('video#qr-scan-video').count(), 0);
      await pollUntil(() => camerasOff(page), (off) => off, 'the camera turned off after Stop');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'qr-scan-start');

      // Stop and Start again while the camera is still being given: the first one is turned
      // off when it comes, and the second is the one shown and read.
      await page.evaluate(() => { window.__cameraDelay = 400; });
      await scan.click();
      await status.filter({ hasText: 'Asking for the camera…' }).waitFor();
      await page.getByRole('button', { name: 'Stop scanning' }).click();
      await scan.click();
      await pollUntil(() => page.evaluate(() => window.__cameraStreams.length), (n) => n === 3, 'two more camera streams');
      await status.filter({ hasText: 'Scanning… no code read yet.' }).waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(
        await page.evaluate(() => [
          window.__cameraStreams.map((s) => s.getTracks()[0].readyState),
          document.getElementById('qr-scan-video').srcObject === window.__cameraStreams[2],
        ]),
        [['ended', 'ended', 'live'], true],
        'after a quick Stop and Start, the camera shown is not the one in use',
      );
      await holdUp(page, 'not a link either');
      await status.filter({ hasText: 'Scanning… 1 code read.' }).waitFor();

      // The camera stops while in use (unplugged, taken): said, and the button is back.
      await page.evaluate(() => { window.__cameraDelay = 0; window.__cameraStreams[2].getTracks().forEach((t) => t.stop()); });
      await page.locator('.qr-scan-problem', { hasText: 'The camera stopped (unplugged, taken by another program, or no longer allowed). Scan again, or paste the links instead.' }).waitFor();
      await scan.waitFor();

      // Scanning again, then leaving the team view: the camera is turned off.
      await scan.click();
      await page.getByRole('button', { name: 'Stop scanning' }).waitFor();
      await pollUntil(() => page.evaluate(() => window.__cameraStreams.length), (n) => n === 4, 'a fourth camera stream');
      await pollUntil(() => page.evaluate(() => window.__cameraStreams[3].getTracks()[0].readyState), (state) => state === 'live', 'the fourth camera in use');
      await returnToStart(page);
      await pollUntil(() => camerasOff(page), (off) => off, 'the camera turned off on leaving');

      // A camera the person does not allow: said, and the button is back.
      await page.evaluate(() => { window.__cameraDenied = true; });
      await createTeam(page, 'Camera refused');
      await scan.click();
      const problem = page.locator('.qr-scan-problem');
      await problem.waitFor();
      assert.equal((await problem.textContent()).trim(), "The camera was not allowed. Allow it for this page in the browser's site settings, or paste the links instead.");
      await scan.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'qr-scan-start');
    });
  });
});
