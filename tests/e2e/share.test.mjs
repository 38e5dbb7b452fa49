// End-to-end tests of share links and comparisons (docs/share-link.md) on the release bundle in
// headless Chromium: a link made in one browser opens, read-only, in another whose storage is
// empty, with or without its notes, and is saved there only on "Save as my copy"; an altered,
// cut, foreign or newer link is refused with its own reason and changes nothing; opening a
// link never replaces unsaved work; two assessments compared show exactly what differs; Back,
// Forward and reload walk shared views and the comparison; the reports carry a link that
// opens; axe-core finds nothing on the shared view, the share panel (a link over 2,000
// characters too) and the comparison; a comparison that cannot be shown says why and leaves an
// address that names what is on screen; ids stay unique with two "Compare with" pickers on one
// page. Every test also checks that each page stayed clean (no console errors, no failed or
// external requests).
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { describe, test } from 'node:test';
import { DESKTOP, formatViolations, inFreshContext, PHONE_CONTEXT, runAxe, sharedApp } from './support.mjs';
import {
  RECORD_PREFIX,
  SESSION_KEY,
  answer,
  captureDownload,
  exportExampleFile,
  importAssessment,
  libraryEntries,
  messageNotice,
  openExample,
  openView,
  openedId,
  pollUntil,
  radio,
  readinessModel,
  returnToStart,
  savedRecords,
  startAssessment,
  storageEntries,
  recentDayPattern,
  stampedDay,
  waitForSaved,
  waitForVerdict,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 120_000;

const shared = sharedApp();
const { withApp } = shared;

/** The exact refusals of src/domain/formats/share/ (`impl Display for ShareError`). */
const NOTHING = 'Nothing was loaded or changed.';
const REFUSALS = {
  altered: `This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again. ${NOTHING}`,
  truncated: `This share link is incomplete: it is shorter than it says, probably cut off when it was copied or sent. Ask for the whole link again. ${NOTHING}`,
  notAShareLink: `This is not a KOOM Readiness share link: it contains characters a share link never has (a share link has only letters, digits, “-” and “_”). ${NOTHING}`,
  newerFormat: `This share link was made by a newer version of KOOM Readiness (link format 4; this version reads formats up to 3). Update the app to open it. ${NOTHING}`,
};
const refusalNotice = (reason) =>
  `This share link could not be opened: ${reason} Your library is below; nothing in it was changed.`;

/** Verdict headlines (src/domain/rules/readiness.rs). */
const HEADLINES = {
  stop: 'Stop — do not deploy KOOM',
  hold: 'Hold — find out first',
  'not-yet': 'Not yet — build maturity',
  ready: 'Ready — begin the deployment sequence',
};

/** Views that hold questions (radios) or checklist items. */
const QUESTION_VIEWS = ['preconditions', 'maturity', 'red-flags', 'green-flags', 'sequence'];

// ---- Helpers ---------------------------------------------------------------------------------

/**
 * Opens `url` in a fresh browser context (its own, empty storage), runs `body(app)`, then checks
 * the page stayed clean and closes the context.
 */
const withFreshContext = (url, body, contextOptions) =>
  inFreshContext(shared.browser(), url, body, { contextOptions, timeout: 10_000 });

/** The verdict token of the assessment on screen. */
const verdictToken = (page) => page.locator('aside#verdict').getAttribute('data-verdict');

/** The current fragment. */
const fragment = (page) => page.evaluate(() => location.hash);

/** The share panel of the report view. */
const sharePanel = (page) => page.locator('section.share-panel');

/**
 * Makes a share link for the assessment on screen from its report view, with or without notes;
 * returns the whole URL shown in #share-url.
 */
async function makeLink(page, { notes }) {
  await openView(page, 'report');
  const panel = sharePanel(page);
  const box = panel.locator('.check-inline input');
  if ((await box.isChecked()) !== notes) await box.setChecked(notes);
  await panel.getByRole('button', { name: 'Make the link' }).click();
  const result = panel.locator('.share-result');
  await result.locator('label[for="share-url"]', { hasText: notes ? 'Link with notes' : 'Link without notes' }).waitFor();
  const url = await pollUntil(
    async () => ({
      value: await page.locator('input#share-url').inputValue(),
      length: Number(await result.getAttribute('data-share-length')),
    }),
    ({ value, length }) => value.includes('#/s/') && [...value].length === length,
    'the share link and its data-share-length',
  );
  assert.ok(await page.locator('input#share-url').evaluate((input) => input.readOnly), '#share-url is not read-only');
  return url.value;
}

/** The payload of a share link (`…#/s/<payload>[/<view>]`). */
function payloadOf(url) {
  const [, rest] = url.split('#/s/');
  assert.ok(rest, `not a share link: ${url}`);
  return rest.split('/')[0];
}

/** The address of a share link with another payload. */
const withPayload = (url, payload) => `${url.split('#/s/')[0]}#/s/${payload}`;

/** Waits for the "A shared assessment, read-only" banner; returns it. */
async function sharedBanner(page) {
  const banner = page.locator('[data-opened="shared"]');
  await banner.waitFor({ state: 'visible', timeout: 10_000 });
  return banner;
}

/**
 * What the question views show: { answers: { id: token }, checklist: [ids ticked], asked: [question
 * ids], enabled: number of radios and checklist boxes that can be changed }.
 */
async function shownAssessment(page) {
  const shown = { answers: {}, checklist: [], asked: [], enabled: 0 };
  for (const view of QUESTION_VIEWS) {
    await openView(page, view);
    const state = await page.locator('main').evaluate((main) => ({
      answers: Object.fromEntries(
        [...main.querySelectorAll('input[type="radio"]:checked')].map((input) => [input.name, input.value]),
      ),
      checklist: [...main.querySelectorAll('input[type="checkbox"][data-item]:checked')].map((input) => input.dataset.item),
      asked: [...main.querySelectorAll('fieldset.question')].map((fieldset) => fieldset.dataset.question),
      enabled: [...main.querySelectorAll('input[type="radio"], input[type="checkbox"][data-item]')].filter(
        (input) => !input.disabled && !input.closest('fieldset[disabled]'),
      ).length,
    }));
    Object.assign(shown.answers, state.answers);
    shown.checklist.push(...state.checklist);
    shown.asked.push(...state.asked);
    shown.enabled += state.enabled;
  }
  shown.checklist.sort();
  shown.asked = [...new Set(shown.asked)];
  return shown;
}

/** What the question views should show for `assessment` (a saved record's assessment). */
function expectedOnScreen(assessment, asked) {
  return {
    answers: Object.fromEntries(asked.filter((id) => id in assessment.answers).map((id) => [id, assessment.answers[id]])),
    checklist: [...assessment.checklist].sort(),
  };
}

/** The assessment without what a link without notes leaves out. */
function withoutNotes(assessment) {
  return {
    ...assessment,
    notes: {},
    unclear: {},
    cycles: assessment.cycles.map((cycle) => ({ ...cycle, notes: {} })),
  };
}

/** A payload re-encoded with another format version byte, its CRC-32 recomputed (a valid envelope). */
function withFormatVersion(payload, version) {
  const bytes = Buffer.from(payload, 'base64url');
  bytes[0] = version;
  bytes.writeUInt32BE(crc32(bytes.subarray(0, bytes.length - 4)) >>> 0, bytes.length - 4);
  return bytes.toString('base64url');
}

/** `payload` with the character at `index` changed to another one of the alphabet. */
function changeOneCharacter(payload, index) {
  const replacement = payload[index] === 'Q' ? 'R' : 'Q';
  return payload.slice(0, index) + replacement + payload.slice(index + 1);
}

/** Deterministic pseudo-random words (so that a long note does not compress away). */
function randomWords(chars, seed = 20_261_124) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state >>> 8;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let text = '';
  while (text.length < chars) {
    const length = 3 + (next() % 7);
    let word = '';
    for (let i = 0; i < length; i += 1) word += letters[next() % letters.length];
    text += (text ? ' ' : '') + word;
  }
  return text.slice(0, chars).trimEnd();
}

/**
 * Imports the Raccoons Inc. example as another organisation, with an assessor, a question note,
 * an "unclear" remark and one answer changed: an assessment that uses every field a link
 * carries (answers, checklist, pilot, cycles with notes, step notes). Returns { id, record }.
 */
async function importRichAssessment(page, organisation) {
  const { preconditions, maturity } = readinessModel();
  const file = structuredClone(await exportExampleFile(page));
  file.assessment.organisation = organisation;
  file.assessment.assessor = 'Dana Okafor';
  file.assessment.notes[preconditions[0].id] = 'Seen in the March steering minutes — “spine” means the SOP index.';
  file.assessment.unclear[preconditions[1].id] = 'Does “executive” include the board?';
  file.assessment.answers[maturity[1].id] = 'not_sure';
  assert.ok(Object.keys(file.assessment.notes).length > 1, 'the example has no notes to share');
  assert.ok(file.assessment.cycles.some((cycle) => Object.keys(cycle.notes).length > 0), 'the example has no cycle notes to share');
  await importAssessment(page, file, `${organisation.toLowerCase().replace(/\W+/g, '-')}.json`);
  const id = await openedId(page);
  const record = await waitForSaved(page, id, (r) => r.assessment.organisation === organisation);
  return { id, record, file };
}

// ---- 1. Share and open elsewhere -------------------------------------------------------------

describe('a share link opens in another browser', () => {
  test('read-only with the same verdict and answers, saved there only as a new copy; with and without notes', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      const ORG = 'Shared Shipping Ltd';
      const { id, record } = await importRichAssessment(page, ORG);
      const a = record.assessment;
      const verdict = await verdictToken(page);
      await openView(page, 'report');
      // The first link gives the assessment its respondent token, saved once; no link after
      // that changes anything stored.
      await makeLink(page, { notes: false });
      const token = (await pollUntil(() => savedRecords(page), (r) => r.get(id)?.assessment.respondent, 'the respondent token saved')).get(id).assessment.respondent;
      assert.match(token, /^[0-9a-f]{16}$/);
      const storageA = await storageEntries(page);

      for (const notes of [true, false]) {
        const what = notes ? 'with notes' : 'without notes';
        const url = await makeLink(page, { notes });
        assert.match(url, new RegExp(`^${shared.server().url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#/s/[A-Za-z0-9_-]+$`), `${what}: unexpected link ${url}`);
        const expected = notes ? a : withoutNotes(a);

        await withFreshContext(url, async ({ page: other }) => {
          const banner = await sharedBanner(other);
          const text = (await banner.textContent()).replace(/\s+/g, ' ');
          assert.match(text, new RegExp(`A shared assessment, read-only: “${ORG}”`), `${what}: the banner does not name whose it is`);
          assert.match(text, /assessed by Dana Okafor/, `${what}: the banner does not name the assessor`);
          assert.match(text, new RegExp(`shared on ${recentDayPattern()} ${notes ? 'with its notes' : 'without notes'}\\.`), `${what}: the banner does not say when and whether notes came along`);
          // Deployed and then halted: the banner says so, with the verdict it fell back to.
          assert.match(text, new RegExp(`Where it stands: Deployed, now halted — the readiness verdict fell back to “${HEADLINES[verdict]}”`), `${what}: the banner shows another verdict or stage`);
          assert.equal(await verdictToken(other), verdict, `${what}: another verdict`);
          assert.equal(await fragment(other), `#/s/${payloadOf(url)}/preconditions`);

          // The same answers and ticks, read-only.
          const shown = await shownAssessment(other);
          const wanted = expectedOnScreen(a, shown.asked);
          assert.deepEqual(shown.answers, wanted.answers, `${what}: the answers on screen differ from the shared assessment`);
          assert.deepEqual(shown.checklist, wanted.checklist, `${what}: the ticked checklist items differ`);
          assert.ok(shown.asked.length > 30, `${what}: only ${shown.asked.length} questions shown`);
          assert.equal(shown.enabled, 0, `${what}: ${shown.enabled} answers or checklist boxes can be changed in a shared assessment`);

          // Notes travel only when asked for.
          await openView(other, 'preconditions');
          const [q0, q1] = preconditions.map((q) => q.id);
          assert.equal(await other.locator(`[id="${q0}-note"]`).inputValue(), notes ? a.notes[q0] : '', `${what}: the question note`);
          assert.ok(await other.locator(`[id="${q0}-note"]`).evaluate((el) => el.readOnly), `${what}: the note can be edited`);
          assert.equal(await other.locator(`[id="${q1}-unclear"]`).isChecked(), notes, `${what}: the "unclear" flag`);
          if (notes) assert.equal(await other.locator(`[id="${q1}-unclear-remark"]`).inputValue(), a.unclear[q1]);
          await openView(other, 'sequence');
          assert.equal(await other.locator('main .item-note').count() > 0, notes, `${what}: checklist item notes`);

          // Nothing of it is saved here until "Save as my copy".
          assert.deepEqual(await storageEntries(other, RECORD_PREFIX), [], `${what}: a record was saved on opening a link`);
          const keys = (await storageEntries(other)).map(([key]) => key);
          assert.deepEqual(keys.filter((key) => key !== SESSION_KEY), [], `${what}: opening a link stored ${keys}`);

          await banner.getByRole('button', { name: 'Save as my copy' }).click();
          await messageNotice(other).filter({ hasText: 'Saved as a new assessment in your library.' }).waitFor();
          const navOrg = other.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: `${ORG} (shared ` });
          await navOrg.waitFor();
          const shownName = (await navOrg.textContent()).trim();
          const copyName = `${ORG} (shared ${stampedDay(shownName, (d) => `${ORG} (shared ${d})`, `${what}: the copy's name`)})`;
          assert.equal(await other.locator('[data-opened="shared"]').count(), 0, `${what}: still shown as shared after saving`);
          const records = await pollUntil(() => savedRecords(other), (r) => r.size === 1, `${what}: one saved record`);
          const [copyId, copy] = [...records][0];
          assert.equal(await openedId(other), copyId, `${what}: the copy is not the one open`);
          // A copy of someone else's link is another respondent: a token of its own.
          assert.match(copy.assessment.respondent, /^[0-9a-f]{16}$/, `${what}: the copy has no respondent token`);
          const sourceToken = (await savedRecords(page)).get(id).assessment.respondent;
          assert.match(sourceToken, /^[0-9a-f]{16}$/, `${what}: the shared assessment was not given a respondent token when its link was made`);
          assert.notEqual(copy.assessment.respondent, sourceToken, `${what}: the copy kept the sharer's respondent token`);
          assert.deepEqual(
            { ...copy.assessment, respondent: null },
            { ...expected, organisation: copyName, respondent: null },
            `${what}: the saved copy differs from the shared assessment`,
          );
          assert.equal(await verdictToken(other), verdict);
          // The copy can be edited.
          await openView(other, 'preconditions');
          assert.ok(await radio(other, preconditions[2].id, 'yes').isEnabled(), `${what}: the saved copy is still read-only`);
          assert.equal(await fragment(other), `#/a/${copyId}/preconditions`);
        });
      }

      // The first browser's data did not change.
      assert.deepEqual(await storageEntries(page), storageA, "the sharer's storage changed");
      assert.equal((await savedRecords(page)).size, 1);
      assert.equal(await openedId(page), id);
    });
  });

  test('"Copy link" copies the link, or selects it where the clipboard is refused', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await openExample(page);
      const url = await makeLink(page, { notes: false });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server().origin });
      const copyButton = sharePanel(page).getByRole('button', { name: 'Copy link' });
      await copyButton.click();
      await messageNotice(page).filter({ hasText: 'The link was copied. Anyone with it can read the answers.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url, 'the clipboard does not hold the link');

      // Refused (as in an embedded page): the link is selected and the user told to press Ctrl+C.
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
      await copyButton.click();
      await messageNotice(page).filter({ hasText: 'The link is selected: copy it with Ctrl+C' }).waitFor();
      const selection = await page.evaluate(() => {
        const input = document.activeElement;
        return input?.id === 'share-url' ? input.value.slice(input.selectionStart, input.selectionEnd) : `focus on ${input?.id}`;
      });
      assert.equal(selection, url, 'the link is not selected');

      // No clipboard at all (a page served over plain http): the same, never a silent failure.
      await page.evaluate(() => {
        delete Navigator.prototype.clipboard;
        document.activeElement?.blur();
      });
      assert.equal(await page.evaluate(() => navigator.clipboard), undefined);
      await copyButton.click();
      await pollUntil(() => messageNotice(page).filter({ hasText: 'The link is selected: copy it with Ctrl+C' }).count(), (n) => n >= 1, 'the select-and-copy message');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-url');
    });
  });

  test('"Share…" hands the link to the share sheet where the browser has one, copies it where the sheet refuses; "Show as a QR code" draws it', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await openExample(page);
      const hasSheet = await page.evaluate(() => typeof navigator.share === 'function');
      let url = await makeLink(page, { notes: false });
      const panel = sharePanel(page);
      assert.equal(await panel.getByRole('button', { name: 'Share…' }).count(), hasSheet ? 1 : 0, 'the Share button only where there is a share sheet');

      // A QR code of the link: black on white, named, and hidden again on request.
      const qrButton = panel.getByRole('button', { name: 'Show as a QR code' });
      assert.equal(await qrButton.getAttribute('aria-expanded'), 'false');
      await qrButton.click();
      const svg = panel.locator('.share-qr figure.qr-code svg[role="img"]');
      await svg.waitFor();
      assert.equal(await svg.getAttribute('aria-label'), 'Scan to open these answers');
      const modules = Number(await panel.locator('.share-qr figure.qr-code').getAttribute('data-modules'));
      assert.ok(modules >= 21 && modules <= 100, `a code a phone reads off a screen: ${modules} modules`);
      const box = await svg.boundingBox();
      assert.ok(box.width >= 200 && Math.abs(box.width - box.height) < 1, `a square of at least 200 px: ${JSON.stringify(box)}`);
      assert.equal(await qrButton.getAttribute('aria-expanded'), 'true');
      await qrButton.click();
      assert.equal(await panel.locator('.share-qr').count(), 0);
      assert.equal(await qrButton.getAttribute('aria-expanded'), 'false');

      // A browser with a share sheet: the sheet gets the link; cancelled, nothing is said.
      await openView(page, 'preconditions');
      await page.evaluate(() => {
        window.shared = [];
        navigator.share = (data) => {
          window.shared.push({ title: data.title, url: data.url });
          return window.shared.length === 2 ? Promise.reject(new DOMException('closed', 'AbortError')) : Promise.resolve();
        };
      });
      url = await makeLink(page, { notes: false });
      const share = panel.getByRole('button', { name: 'Share…' });
      await share.click();
      await pollUntil(() => page.evaluate(() => window.shared), (s) => s.length === 1, 'the share sheet opened');
      assert.deepEqual(await page.evaluate(() => window.shared), [{ title: 'KOOM readiness answers', url }]);
      await share.click();
      await pollUntil(() => page.evaluate(() => window.shared.length), (n) => n === 2, 'the share sheet opened again');
      await page.waitForTimeout(300);
      assert.equal(await messageNotice(page).count(), 0, 'a cancelled share says nothing');

      // The sheet refuses (not allowed here): the link is copied instead, and the user told.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server().origin });
      await page.evaluate(() => {
        navigator.share = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      });
      await share.click();
      await messageNotice(page).filter({ hasText: 'This browser could not open its share sheet, so the link was copied instead.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    });
  });
});

// ---- 2. Broken links -------------------------------------------------------------------------

/** Starts an assessment named `name` and answers one red flag (one not shared with a
 * condition) present, so the verdict is Stop with one plan item; returns its question id. */
async function stoppedByARedFlag(page, name) {
  await startAssessment(page, name);
  const flag = readinessModel().redFlags.find((f) => !f.shared).question;
  await openView(page, 'red-flags');
  await answer(page, flag, 'yes');
  await waitForVerdict(page, 'stop');
  return flag;
}

describe('exports for a spreadsheet and a tracker (issue #22)', () => {
  test('the answers and the plan as CSV: a BOM, the columns trackers map, formulas neutralised', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const flag = await stoppedByARedFlag(page, '=Acme "Logistics", Inc');
      await openView(page, 'report');

      const answers = await captureDownload(page, () => page.getByRole('button', { name: 'Answers (CSV)' }).click());
      stampedDay(answers.name, (d) => `koom-readiness-acme-logistics-inc-answers-${d}.csv`, 'the answers file name');
      const answerLines = answers.text.split('\r\n');
      assert.equal(answerLines[0], '\uFEFFSeed section,Section,Item,Id,Question,Answer,Note,Evidence from,Evidence gathered,Evidence link,Review by,Unclear remark');
      assert.equal(answerLines.at(-1), '', 'every line ends with CRLF');
      const flagRow = answerLines.find((line) => line.includes(`,${flag},`));
      assert.ok(flagRow?.startsWith('§5,'), flagRow);
      assert.ok(flagRow.includes(',Yes,'), flagRow);

      const plan = await captureDownload(page, () => page.getByRole('button', { name: 'Plan for a tracker (CSV)' }).click());
      const planLines = plan.text.split('\r\n');
      assert.equal(planLines[0], '\uFEFFTitle,Description,Assignee,Due date,Status,Labels,Work Item Type,Model item id,Cause');
      const row = planLines.find((line) => line.includes(`,${flag},`));
      assert.ok(row, `the red flag's plan item: ${plan.text.slice(0, 400)}`);
      assert.match(row, /,To do,koom-readiness red-flag,Task,/);
    });
  });
});

describe('open a plan item as a new issue in the tracker (issue #22)', () => {
  const trimmed = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

  test('the tracker is given once, refused with its reason when it is not one, and each plan item links to its pre-filled form', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const flag = await stoppedByARedFlag(page, 'Acme Tracker');
      const setting = page.locator('aside#verdict details.tracker-setting');
      await setting.locator('summary').click();
      const address = setting.getByLabel('Project address');
      await address.fill('javascript:alert(1)');
      await setting.getByRole('button', { name: 'Keep this tracker' }).click();
      await messageNotice(page).filter({ hasText: 'Only http:// and https:// addresses are kept, not “javascript:”. Nothing was changed.' }).waitFor();
      const item = page.locator(`aside#verdict li.plan-item[data-plan-item="${flag}"]`);
      assert.equal(await item.locator('.new-issue a').count(), 0, 'no link without a tracker');

      await address.fill('https://gitlab.example.org/ops/koom/-/issues');
      assert.equal(await setting.getByLabel('Tracker').inputValue(), 'gitlab', 'the kind guessed from the host');
      await address.fill('github.com/acme/rollout/issues');
      assert.equal(await setting.getByLabel('Tracker').inputValue(), 'github');
      await address.press('Enter');
      await messageNotice(page).filter({ hasText: 'Plan items now open as new issues in GitHub (acme/rollout).' }).waitFor();
      assert.equal(await trimmed(setting.locator('summary')), 'Tracker: GitHub · acme/rollout');
      assert.equal(await address.inputValue(), 'https://github.com/acme/rollout');

      await item.locator(':scope > details > summary').click();
      const link = item.getByRole('link', { name: /Open as a new issue in GitHub/ });
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      const href = new URL(await link.getAttribute('href'));
      assert.equal(href.origin + href.pathname, 'https://github.com/acme/rollout/issues/new');
      assert.match(href.searchParams.get('title'), /^Red flag \d/);
      assert.ok(href.searchParams.get('body').includes(`Model item: ${flag}`), href.searchParams.get('body'));
      assert.equal(href.searchParams.get('labels'), 'koom-readiness');

      // Kept with the assessment: in the saved record and the exported file.
      const id = await openedId(page);
      await waitForSaved(page, id, (record) => record.assessment.tracker?.project === 'https://github.com/acme/rollout');
      await page.reload();
      await waitForVerdict(page, 'stop');
      assert.equal(await trimmed(page.locator('aside#verdict details.tracker-setting summary')), 'Tracker: GitHub · acme/rollout');
      await openView(page, 'report');
      const file = JSON.parse((await captureDownload(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click())).text);
      assert.deepEqual(file.assessment.tracker, { kind: 'github', project: 'https://github.com/acme/rollout' });
    });
  });
});

describe('evidence that ages (issue #22)', () => {
  test('who, when, a link and a review-by date beside the note; a javascript: link refused; past its date, flagged in the item, the report and the CSV', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const flag = await stoppedByARedFlag(page, 'Acme Evidence');
      const field = (name) => page.locator(`[id="${flag}-evidence-${name}"]`);
      const extras = page.locator(`[id="${flag}-note"]`).locator('xpath=ancestor::details[1]');
      await extras.locator('summary').click();
      await field('who').fill('Ana Keller');
      await field('who').press('Tab');
      await field('when').fill('2026-10-01');
      await field('when').dispatchEvent('change');
      await field('link').fill('javascript:alert(1)');
      await field('link').press('Tab');
      const problem = page.locator(`[id="${flag}-evidence-link-problem"]`);
      await problem.filter({ hasText: 'Only http:// and https:// links are kept, with a host: “javascript:alert(1)” was not. Nothing was changed.' }).waitFor();
      assert.equal(await field('link').inputValue(), 'javascript:alert(1)', 'the refused text stays in its field to be corrected');
      assert.equal(await field('link').getAttribute('aria-invalid'), 'true');
      assert.equal(await field('link').getAttribute('aria-describedby'), `${flag}-evidence-link-problem`);
      await field('link').fill('wiki.acme.example/koom/minutes');
      await field('link').press('Tab');
      await problem.waitFor({ state: 'detached' });
      assert.equal(await field('link').inputValue(), 'https://wiki.acme.example/koom/minutes', 'an address without a scheme gets https://');
      assert.equal(await field('link').getAttribute('aria-invalid'), null);
      await field('review_by').fill('2026-10-15');
      await field('review_by').dispatchEvent('change');
      const stale = page.locator(`p.stale-evidence[data-stale="${flag}"]`);
      await stale.waitFor();
      assert.equal((await stale.textContent()).trim(), 'Evidence to review: its review-by date (2026-10-15) has passed.');

      await openView(page, 'report');
      const report = page.locator('.report-document, article, main').first();
      await page.getByRole('heading', { name: 'Evidence to review' }).waitFor();
      const cell = page.locator('td.note-cell[data-stale]');
      assert.match(await cell.first().textContent(), /Evidence: from Ana Keller, gathered 2026-10-01, https:\/\/wiki\.acme\.example\/koom\/minutes, review by 2026-10-15 — To review: past its review-by date\./);
      assert.equal(await report.locator('a[href*="wiki.acme.example"]').count(), 0, 'the link is shown as text, never followed');
      const answers = await captureDownload(page, () => page.getByRole('button', { name: 'Answers (CSV)' }).click());
      const row = answers.text.split('\r\n').find((line) => line.includes(`,${flag},`));
      assert.ok(row.includes(',Ana Keller,2026-10-01,https://wiki.acme.example/koom/minutes,2026-10-15,'), row);
    });
  });
});

describe('calendar reminders (issue #22)', () => {
  /** Checks what a calendar program relies on: CRLF, folded lines of at most 75 octets. */
  function calendarLines(text) {
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), text.slice(0, 80));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    const lines = text.split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    return text.replace(/\r\n /g, '');
  }

  test('the next round and the plan\'s due dates download as .ics; a date that has passed is refused', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const flag = await stoppedByARedFlag(page, 'Acme Reminders');
      const item = page.locator(`aside#verdict li.plan-item[data-plan-item="${flag}"]`);
      await item.locator(':scope > details > summary').click();
      const due = page.locator(`[id="plan-${flag}-due"]`);
      await due.fill('2099-01-15');
      await due.dispatchEvent('change');
      await page.locator(`li.plan-item[data-plan-item="${flag}"] > details > summary`).filter({ hasText: 'due 2099-01-15' }).waitFor();
      await openView(page, 'report');

      const plan = await captureDownload(page, () => page.getByRole('button', { name: 'Plan due dates (.ics)' }).click());
      stampedDay(plan.name, (d) => `koom-readiness-acme-reminders-plan-${d}.ics`, 'the plan calendar\'s name');
      const planText = calendarLines(plan.text);
      assert.equal(planText.match(/BEGIN:VEVENT/g)?.length, 1);
      assert.ok(planText.includes('DTSTART;VALUE=DATE:20990115\r\n'), planText);
      assert.ok(planText.includes(`UID:plan-${flag}-`), planText);
      assert.ok(planText.includes(`Model item: ${flag}`), planText);
      await messageNotice(page).filter({ hasText: "One plan item's due date is in the calendar file." }).waitFor();

      const reminder = page.locator('[data-reminder="next-round"]');
      await reminder.getByLabel('Remind me of round 2 on').fill('2000-01-01');
      await reminder.getByRole('button', { name: 'Download reminder (.ics)' }).click();
      await messageNotice(page).filter({ hasText: /^2000-01-01 has passed \(today is \d{4}-\d{2}-\d{2}\): choose today or a later date\. Nothing was downloaded\./ }).waitFor();

      await reminder.getByLabel('Remind me of round 2 on').fill('2099-03-01');
      const round = await captureDownload(page, () => reminder.getByRole('button', { name: 'Download reminder (.ics)' }).click());
      stampedDay(round.name, (d) => `koom-readiness-acme-reminders-next-round-${d}.ics`, 'the round reminder\'s name');
      const roundText = calendarLines(round.text);
      assert.ok(roundText.includes('SUMMARY:KOOM readiness: round 2 for Acme Reminders\r\n'), roundText);
      assert.ok(roundText.includes('DTSTART;VALUE=DATE:20990301\r\n'), roundText);
      assert.match(roundText, /DTSTAMP:\d{8}T\d{6}Z\r\n/);
      assert.ok(roundText.includes('TRIGGER:PT9H'), roundText);
    });
  });

  test('a deployed organisation downloads the review of its next alignment cycle', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await openExample(page);
      await openView(page, 'stability');
      const reminder = page.locator('[data-reminder="next-cycle"]');
      const field = reminder.getByLabel('Remind me to review alignment cycle 3 on');
      await field.fill('2099-02-01');
      const cycle = await captureDownload(page, () => reminder.getByRole('button', { name: 'Download reminder (.ics)' }).click());
      const text = calendarLines(cycle.text);
      assert.match(text, /SUMMARY:KOOM stability: review alignment cycle 3 at Raccoons/);
      assert.ok(text.includes('each of the ten stability signs (seed §7)'), text);
      assert.ok(text.includes('DTSTART;VALUE=DATE:20990201\r\n'), text);
    });
  });
});

describe('the status card for wikis that run no script (issue #22)', () => {
  test('the badge downloads as SVG in the stage\'s words; the Markdown block links to the read-only assessment', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page, context }) => {
      await stoppedByARedFlag(page, 'Acme <Logistics>');
      await openView(page, 'report');
      const card = page.locator('section.status-card');
      const preview = card.locator('.status-badge svg[role="img"]');
      const label = await preview.getAttribute('aria-label');
      assert.match(label, /^KOOM readiness of Acme <Logistics>: Stop — do not deploy KOOM \(\d{4}-\d{2}-\d{2}\)$/);

      const badge = await captureDownload(page, () => card.getByRole('button', { name: 'Download the badge (SVG)' }).click());
      assert.equal(badge.name, 'koom-readiness-status.svg');
      assert.ok(badge.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), badge.text.slice(0, 80));
      assert.ok(badge.text.includes('Acme &lt;Logistics&gt;'), 'the name escaped');
      assert.match(badge.text, />Stop · \d{4}-\d{2}-\d{2}</);

      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server().origin });
      await card.getByRole('button', { name: 'Copy the Markdown block' }).click();
      await messageNotice(page).filter({ hasText: 'The Markdown block was copied' }).waitFor();
      const md = await page.evaluate(() => navigator.clipboard.readText());
      const link = md.match(/\]\(<([^>]+)>\)/)?.[1];
      assert.ok(link?.includes('#/s/'), md);
      assert.ok(md.startsWith('[![KOOM readiness of Acme \\<Logistics\\>: Stop — do not deploy KOOM ('), md.slice(0, 120));
      await withFreshContext(link, async ({ page: other }) => {
        await sharedBanner(other);
        await waitForVerdict(other, 'stop');
      });

      await card.getByRole('button', { name: 'Copy the HTML block' }).click();
      await messageNotice(page).filter({ hasText: 'The HTML block was copied' }).waitFor();
      const html = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(html.startsWith(`<p><a href="${link}"><img src="koom-readiness-status.svg" alt="KOOM readiness of Acme &lt;Logistics&gt;: Stop`), html);
    });
  });
});

describe('a shared assessment past readiness', () => {
  test('the banner says where it stands (fully deployed), never "begin the deployment sequence"', { timeout: TIMEOUT }, async () => {
    let link;
    await withFreshContext(shared.server().url, async ({ page }) => {
      await openExample(page);
      link = await makeLink(page, { notes: false });
    });
    await withFreshContext(link, async ({ page }) => {
      const text = (await (await sharedBanner(page)).textContent()).replace(/\s+/g, ' ');
      assert.match(text, /without notes\. Where it stands: Fully deployed\. Healthy deployment[^.]*\. Nothing of it is saved/);
      assert.doesNotMatch(text, /begin the deployment sequence/);
    });
  });
});

describe('a broken share link', () => {
  test('altered, cut, foreign or newer: says why, shows the library, changes nothing', { timeout: TIMEOUT }, async () => {
    const { preconditions } = readinessModel();
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: true });
    });
    const payload = payloadOf(url);
    assert.ok(payload.length > 40, `payload unexpectedly short: ${payload}`);
    const cases = [
      { what: 'one character changed', payload: changeOneCharacter(payload, Math.floor(payload.length / 2)), reason: REFUSALS.altered },
      { what: 'a character of the checksum changed', payload: changeOneCharacter(payload, payload.length - 3), reason: REFUSALS.altered },
      { what: 'cut short', payload: payload.slice(0, payload.length - 12), reason: REFUSALS.truncated },
      { what: 'not a share link', payload: `${payload.slice(0, 20)}~${payload.slice(21)}`, reason: REFUSALS.notAShareLink },
      { what: 'a newer format', payload: withFormatVersion(payload, 4), reason: REFUSALS.newerFormat },
    ];

    await withApp(async ({ page, context }) => {
      // This browser holds a saved assessment.
      await startAssessment(page, 'Unbroken Ltd');
      const id = await openedId(page);
      await answer(page, preconditions[0].id, 'no');
      await waitForSaved(page, id, (r) => r.assessment.answers[preconditions[0].id] === 'no');
      await returnToStart(page);
      const before = await storageEntries(page);
      const listBefore = await libraryEntries(page);

      for (const { what, payload: bad, reason } of cases) {
        // Pasted into the address bar of the open page.
        await page.goto(withPayload(url, bad));
        await messageNotice(page).filter({ hasText: refusalNotice(reason) }).waitFor();
        await page.locator('#org-name').waitFor({ state: 'visible' });
        assert.equal((await messageNotice(page).locator('p').textContent()).trim(), refusalNotice(reason), `${what}: the message`);
        assert.equal(await page.locator('[data-opened="shared"]').count(), 0, `${what}: shown as shared`);
        assert.equal(await fragment(page), '#/', `${what}: the address still names the broken link`);
        assert.deepEqual(await libraryEntries(page), listBefore, `${what}: the library changed`);
        assert.deepEqual(await storageEntries(page), before, `${what}: saved data changed`);
      }

      // Opened in a new tab of the same browser (a fresh page load). Only the session record
      // (what was open last) may change: it now says nothing is open.
      for (const { what, payload: bad, reason } of cases) {
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (error) => errors.push(String(error)));
        tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await tab.goto(withPayload(url, bad), { waitUntil: 'load' });
        await messageNotice(tab).filter({ hasText: refusalNotice(reason) }).waitFor();
        await tab.locator('#org-name').waitFor({ state: 'visible' });
        assert.deepEqual(await storageEntries(tab, RECORD_PREFIX), before.filter(([key]) => key.startsWith(RECORD_PREFIX)), `${what}: a record changed`);
        const notSession = (entries) => entries.filter(([key]) => key !== SESSION_KEY);
        assert.deepEqual(notSession(await storageEntries(tab)), notSession(before), `${what}: saved data changed`);
        assert.deepEqual(errors, [], `${what}: errors in the new tab`);
        await tab.close();
      }

      // The saved assessment is still there and opens.
      await page.locator('li.library-entry button.entry-name', { hasText: 'Unbroken Ltd' }).click();
      await waitForView(page, 'preconditions');
      assert.ok(await radio(page, preconditions[0].id, 'no').isChecked());
    });

    // The unbroken link still opens.
    await withFreshContext(url, async ({ page }) => {
      await sharedBanner(page);
      await waitForVerdict(page, 'ready');
    });
  });
});

// ---- 3. Unsaved work ---------------------------------------------------------------------------

describe('opening a link with unsaved work on screen', () => {
  test('saves the work first, and never writes the shared assessment over it', { timeout: TIMEOUT }, async () => {
    const { preconditions } = readinessModel();
    const [q0, q1] = preconditions.map((q) => q.id);
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: false });
    });

    await withApp(async ({ page }) => {
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      const inPageAsked = () => page.locator('dialog#ask-dialog[open]').count();
      await startAssessment(page, 'Work In Progress plc');
      const id = await openedId(page);
      await answer(page, q0, 'no');
      await waitForSaved(page, id, (r) => r.assessment.answers[q0] === 'no');

      // An answer, then at once (well within the 0.4 s autosave delay) the link is followed.
      await page.evaluate(
        ([radioId, hash]) => {
          document.getElementById(radioId).click();
          location.hash = hash;
        },
        [`${q1}-yes`, `#/s/${payloadOf(url)}`],
      );
      await sharedBanner(page);
      await waitForVerdict(page, 'ready');
      assert.deepEqual(dialogs, [], 'a native dialog appeared');
      assert.equal(await inPageAsked(), 0, 'the user was asked although the work could be saved');
      const saved = (await savedRecords(page)).get(id);
      assert.deepEqual(saved.assessment.answers, { [q0]: 'no', [q1]: 'yes' }, 'the unsaved answer was not saved before the link opened');
      assert.equal(saved.assessment.organisation, 'Work In Progress plc');
      const raw = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id);

      // Looking around the shared assessment, and saving it as a copy, leaves the record alone.
      await openView(page, 'maturity');
      await openView(page, 'report');
      await page.waitForTimeout(600);
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id), raw, 'the record changed while the link was open');
      await page.locator('[data-opened="shared"]').getByRole('button', { name: 'Save as my copy' }).click();
      await messageNotice(page).filter({ hasText: 'Saved as a new assessment in your library.' }).waitFor();
      const records = await pollUntil(() => savedRecords(page), (r) => r.size === 2, 'two records');
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id), raw, 'saving the copy changed the record');
      const copy = [...records.values()].find((r) => r.id !== id);
      stampedDay(copy.assessment.organisation, (d) => `Raccoons Incorporated (shared ${d})`, "the copy's name");

      // Back to the work: still there, as saved.
      await page.locator('button.brand').click();
      await page.locator('li.library-entry button.entry-name', { hasText: 'Work In Progress plc' }).click();
      await waitForView(page, 'preconditions');
      assert.ok(await radio(page, q1, 'yes').isChecked(), 'the answer given just before the link was opened is lost');
    });
  });

  test('where the work cannot be saved, asks first; "Cancel" keeps it on screen, "OK" opens the link; the record is untouched', { timeout: TIMEOUT }, async () => {
    const { preconditions } = readinessModel();
    const [q0, q1] = preconditions.map((q) => q.id);
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: false });
    });
    const hash = `#/s/${payloadOf(url)}`;

    await withApp(async ({ page }) => {
      await startAssessment(page, 'Full Disk GmbH');
      const id = await openedId(page);
      await answer(page, q0, 'no');
      await waitForSaved(page, id, (r) => r.assessment.answers[q0] === 'no');
      const raw = await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id);
      const before = await storageEntries(page, RECORD_PREFIX);

      // Storage now refuses every write (full), so the next answer cannot be saved.
      await page.evaluate(() => {
        window.__setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function refuse() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await answer(page, q1, 'yes');
      await page.locator('[data-notice="storage"]').waitFor();

      // Keep them: nothing is replaced. (The app asks in the page; a native dialog would be
      // blocked in many frames.)
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      const ask = page.locator('dialog#ask-dialog[open]');
      await ask.waitFor();
      assert.match(await ask.textContent(), /Your latest changes to “Full Disk GmbH” are not saved in this browser\./);
      await ask.getByRole('button', { name: 'Keep them' }).click();
      await ask.waitFor({ state: 'detached' });
      assert.equal(await page.locator('[data-opened="shared"]').count(), 0, 'the link opened although the user said Cancel');
      await pollUntil(() => fragment(page), (f) => f === `#/a/${id}/preconditions`, 'the address back on the assessment');
      assert.ok(await radio(page, q1, 'yes').isChecked(), 'the unsaved answer left the screen');
      assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Full Disk GmbH');
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_PREFIX + id), raw, 'the record changed');

      // Drop them: the link opens; the record is as last saved.
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Drop them and go on' }).click();
      await sharedBanner(page);
      await waitForVerdict(page, 'ready');
      await page.evaluate(() => {
        Storage.prototype.setItem = window.__setItem;
      });
      await page.waitForTimeout(600);
      assert.deepEqual(await storageEntries(page, RECORD_PREFIX), before, 'the record changed');
      assert.deepEqual((await savedRecords(page)).get(id).assessment.answers, { [q0]: 'no' });
    });
  });
});

// ---- 4. Compare ------------------------------------------------------------------------------

describe('compare', () => {
  test('a copy of the example with three changes: three differences, the "Not sure" named', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { maturity, redFlags } = readinessModel();
      const flag = redFlags.find((f) => !f.shared);
      const unsure = maturity[0].id;
      const UNTICKED = 'step.worker_onboarding.ai_sandbox';

      await openExample(page);
      await page.getByRole('button', { name: 'Copy it as my starting point' }).click();
      await page.locator('nav[aria-label="Assessment sections"] .nav-org', { hasText: 'Copy of Raccoons Incorporated' }).waitFor();
      const id = await openedId(page);

      // Unticked first: a red flag locks the sequence.
      await openView(page, 'sequence');
      const box = page.locator(`main input[type="checkbox"][data-item="${UNTICKED}"]`);
      assert.ok(await box.isChecked(), `${UNTICKED} is not ticked in the example`);
      await box.uncheck();
      await openView(page, 'maturity');
      assert.notEqual(await page.locator(`input[name="${unsure}"]:checked`).getAttribute('value'), 'not_sure');
      await answer(page, unsure, 'not_sure');
      const unsureText = (await page.locator(`fieldset[data-question="${unsure}"] legend`).textContent()).trim();
      await openView(page, 'red-flags');
      assert.ok(await radio(page, flag.question, 'no').isChecked(), `${flag.question} is not "No" in the example`);
      await answer(page, flag.question, 'yes');
      await waitForVerdict(page, 'stop');
      await waitForSaved(
        page,
        id,
        (r) => r.assessment.answers[flag.question] === 'yes' && r.assessment.answers[unsure] === 'not_sure' && !r.assessment.checklist.includes(UNTICKED),
      );

      // From the report: compare with the example.
      await openView(page, 'report');
      const picker = page.locator('.compare-from-report .compare-picker');
      const options = await picker.locator('select option').evaluateAll((list) => list.map((o) => [o.value, o.textContent.trim()]));
      assert.deepEqual(options, [['example', 'The Raccoons Inc. example']], 'the picker lists the open assessment, or misses the example');
      await picker.locator('select').selectOption('example');
      await picker.getByRole('button', { name: 'Compare' }).click();
      const article = page.locator('article.compare');
      await article.waitFor();
      assert.equal(await fragment(page), `#/compare/example/a:${id}`);

      assert.equal(await article.getAttribute('data-differences'), '3');
      assert.equal((await article.locator('.compare-count').textContent()).trim(), '3 items differ.');
      const verdicts = await article.locator('.compare-verdicts .card').evaluateAll((cards) =>
        cards.map((card) => [card.dataset.verdict, card.querySelector('h2').textContent.trim()]),
      );
      assert.equal(verdicts.length, 2, `two sides: ${JSON.stringify(verdicts)}`);
      assert.deepEqual(verdicts[0], ['ready', 'Raccoons Incorporated (example)']);
      // Named by organisation and date (issue 21): the copy has no assessor.
      assert.equal(verdicts[1][0], 'stop');
      const copyName = `Copy of Raccoons Incorporated — ${stampedDay(verdicts[1][1], (d) => `Copy of Raccoons Incorporated — ${d}`, "the copy's name")}`;
      const rows = await article.locator('tr[data-item]').evaluateAll((trs) =>
        trs.map((tr) => [tr.dataset.item, ...[...tr.cells].slice(1).map((td) => td.textContent.trim())]),
      );
      assert.deepEqual(
        rows.map(([item]) => item).sort(),
        [flag.question, unsure, UNTICKED].sort(),
        `the differing items: ${JSON.stringify(rows)}`,
      );
      const row = Object.fromEntries(rows.map(([item, ...cells]) => [item, cells]));
      // The red flag present is marked a problem, in words (issue 21), on its side only.
      assert.deepEqual(row[flag.question], ['No', 'Yes Problem']);
      assert.deepEqual(
        await article.locator(`tr[data-item="${flag.question}"] td`).evaluateAll((tds) => tds.map((td) => td.dataset.finding ?? null)),
        [null, null, 'problem'],
      );
      assert.deepEqual(row[unsure], ['Yes', 'Not sure']);
      assert.deepEqual(row[UNTICKED], ['Done', 'Not done']);
      assert.equal(await article.locator(`tr[data-item="${unsure}"]`).getAttribute('data-not-sure'), 'true');
      // Each table is one seed section, its columns named after the two sides.
      const headers = await article.locator('table thead').first().locator('th').allTextContents();
      assert.deepEqual(headers.map((h) => h.trim()), ['Item', 'Raccoons Incorporated (example)', copyName]);
      assert.equal(await article.locator('table').count(), 3, 'one table per section with a difference (maturity, sequence, red flags)');

      const notSure = article.locator('section', { has: page.getByRole('heading', { name: 'Where a side said “Not sure”' }) });
      assert.deepEqual((await notSure.locator('li').allTextContents()).map((t) => t.trim()), [unsureText]);
      assert.ok(await article.getByRole('button', { name: 'Print or save as PDF' }).isVisible());

      // Nothing was changed by comparing.
      const record = (await savedRecords(page)).get(id);
      assert.equal(record.assessment.answers[flag.question], 'yes');
    });
  });
});

// ---- 5. Addresses --------------------------------------------------------------------------------

describe('addresses of shared views and comparisons', () => {
  test('Back and Forward walk a shared link\'s views and the comparison; a reload keeps the shared view', { timeout: TIMEOUT }, async () => {
    let url;
    await withApp(async ({ page }) => {
      const { maturity } = readinessModel();
      await startAssessment(page, 'Linked Lumber');
      await answer(page, readinessModel().preconditions[0].id, 'no');
      await openView(page, 'maturity');
      await answer(page, maturity[0].id, 'not_sure');
      url = await makeLink(page, { notes: false });
    });
    const payload = payloadOf(url);

    await withFreshContext(url, async ({ page }) => {
      await sharedBanner(page);
      await waitForView(page, 'preconditions');
      assert.equal(await fragment(page), `#/s/${payload}/preconditions`);
      await openView(page, 'maturity');
      assert.equal(await fragment(page), `#/s/${payload}/maturity`);
      await openView(page, 'report');
      assert.equal(await fragment(page), `#/s/${payload}/report`);

      // The banner's picker compares the shared assessment with the example.
      const picker = page.locator('[data-opened="shared"] .compare-picker');
      await picker.locator('select').selectOption('example');
      await picker.getByRole('button', { name: 'Compare' }).click();
      await page.locator('article.compare').waitFor();
      assert.equal(await fragment(page), `#/compare/example/s:${payload}`);
      const names = await page.locator('.compare-verdicts .card h2').allTextContents();
      assert.equal(names.length, 2, `two assessments compared: ${names}`);
      assert.equal(names[0].trim(), 'Raccoons Incorporated (example)');
      stampedDay(names[1].trim(), (d) => `Linked Lumber — shared ${d}`, 'the shared side of the comparison');

      await page.goBack();
      await waitForView(page, 'report');
      await sharedBanner(page);
      assert.equal(await fragment(page), `#/s/${payload}/report`);
      await page.goBack();
      await waitForView(page, 'maturity');
      assert.equal(await fragment(page), `#/s/${payload}/maturity`);
      await page.goForward();
      await waitForView(page, 'report');
      await page.goForward();
      await page.locator('article.compare').waitFor();
      assert.equal(await fragment(page), `#/compare/example/s:${payload}`);

      // A reload of the comparison shows it again.
      await page.reload({ waitUntil: 'load' });
      await page.locator('article.compare').waitFor();
      assert.equal(await fragment(page), `#/compare/example/s:${payload}`);

      // A reload of a shared view shows that view of the shared assessment.
      await page.goBack();
      await waitForView(page, 'report');
      await page.reload({ waitUntil: 'load' });
      await sharedBanner(page);
      await waitForView(page, 'report');
      assert.equal(await fragment(page), `#/s/${payload}/report`);
      await page.locator('article.report h1', { hasText: 'Linked Lumber' }).waitFor();
      await page.goBack();
      await waitForView(page, 'maturity');
      assert.deepEqual(await storageEntries(page, RECORD_PREFIX), [], 'walking a shared link saved something');
    });
  });
});

// ---- 6. Accessibility ------------------------------------------------------------------------

const LOOKS = [
  { name: 'desktop, light', contextOptions: { viewport: DESKTOP, colorScheme: 'light' } },
  { name: 'phone, light', contextOptions: { ...PHONE_CONTEXT, colorScheme: 'light' }, phone: true },
  { name: 'desktop, dark', contextOptions: { viewport: DESKTOP, colorScheme: 'dark' } },
  { name: 'phone, dark', contextOptions: { ...PHONE_CONTEXT, colorScheme: 'dark' }, phone: true },
];

const indent = (text) => text.replace(/^/gm, '    ');

/** axe-core on the page (and, on a phone, no sideways scrolling); returns the problems. */
async function checkPage(page, label, { phone }) {
  const problems = [];
  const violations = await runAxe(page);
  if (violations.length) problems.push(`${label}: ${violations.length} axe-core violation(s)\n${indent(formatViolations(violations))}`);
  if (phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
  }
  return problems;
}

describe('accessibility of sharing and comparing', () => {
  for (const look of LOOKS) {
    test(`share panel (a link over 2,000 characters), shared view, comparison: no axe-core violations (${look.name})`, { timeout: TIMEOUT }, async () => {
      await withApp(
        async ({ page }) => {
          const { preconditions } = readinessModel();
          const problems = [];
          await startAssessment(page, 'Long Notes Ltd');
          const id = await openedId(page);
          // Not sure: differs from the example, so the note shows in the comparison.
          await answer(page, preconditions[0].id, 'not_sure');
          const NOTE = randomWords(3_000);
          const fieldset = page.locator(`fieldset[data-question="${preconditions[0].id}"]`);
          await fieldset.locator('summary').click();
          await page.locator(`[id="${preconditions[0].id}-note"]`).fill(NOTE);
          await waitForSaved(page, id, (r) => r.assessment.notes[preconditions[0].id] === NOTE);

          // Without notes the link is short; with them it is over 2,000 characters, and says so.
          const short = await makeLink(page, { notes: false });
          assert.ok(short.length < 2_000, `the link without notes is ${short.length} characters`);
          assert.equal(await sharePanel(page).locator('p.limit-hint').count(), 0, 'a short link is flagged as too long');
          problems.push(...(await checkPage(page, 'Share panel, link without notes', look)));
          const long = await makeLink(page, { notes: true });
          assert.ok(long.length > 2_000, `the link with a 3,000-character note is only ${long.length} characters`);
          const hint = sharePanel(page).locator('.share-result p.limit-hint[data-limit="reached"]');
          await hint.waitFor();
          assert.equal(
            (await hint.textContent()).trim(),
            `This link is ${long.length.toLocaleString('en-GB')} characters: mail clients and chat tools may cut links over 2,000. Share a link without notes, or the file (Export file) instead.`,
          );
          problems.push(...(await checkPage(page, 'Share panel, link over 2,000 characters', look)));

          // The long link opens (here, in the same tab: the saved assessment is not dirty).
          await page.goto(long);
          const banner = await sharedBanner(page);
          assert.match(await banner.textContent(), /with its notes/);
          await waitForView(page, 'preconditions');
          assert.equal(await page.locator(`[id="${preconditions[0].id}-note"]`).inputValue(), NOTE, 'the long note did not travel');
          problems.push(...(await checkPage(page, 'Shared assessment, Preconditions', look)));
          await openView(page, 'report');
          problems.push(...(await checkPage(page, 'Shared assessment, Report', look)));

          // Compared with the example (notes on demand in the table).
          const picker = banner.locator('.compare-picker');
          await picker.locator('select').selectOption('example');
          await picker.getByRole('button', { name: 'Compare' }).click();
          const article = page.locator('article.compare');
          await article.waitFor();
          assert.ok(Number(await article.getAttribute('data-differences')) > 10);
          await article.locator(`tr[data-item="${preconditions[0].id}"] details.compare-note summary`).click();
          problems.push(...(await checkPage(page, 'Comparison', look)));

          assert.equal(problems.length, 0, `accessibility problems:\n${problems.join('\n')}`);
        },
        { contextOptions: look.contextOptions },
      );
    });
  }
});

// ---- 7. The reports carry a link -------------------------------------------------------------

describe('the reports carry a link without notes', () => {
  test('the downloaded Markdown and the printed report link to the assessment; the link opens it', { timeout: TIMEOUT }, async () => {
    const { preconditions, redFlags } = readinessModel();
    const NOTE = 'Private: the COO asked us not to circulate this.';
    let link;
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Reported Robotics');
      await answer(page, preconditions[0].id, 'yes');
      await page.locator(`fieldset[data-question="${preconditions[0].id}"] summary`).click();
      await page.locator(`[id="${preconditions[0].id}-note"]`).fill(NOTE);
      await openView(page, 'red-flags');
      await answer(page, redFlags.find((f) => !f.shared).question, 'yes');
      await waitForVerdict(page, 'stop');
      await openView(page, 'report');
      const download = await captureDownload(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
      assert.match(download.name, /\.md$/);
      const match = /Open this assessment \(without its notes\) in KOOM Readiness: <([^>\s]+)>/.exec(download.text);
      assert.ok(match, `the Markdown has no link:\n${download.text.slice(0, 1_500)}`);
      link = match[1];
      assert.ok(link.startsWith(`${shared.server().url}#/s/`), `unexpected link ${link}`);
      assert.match(payloadOf(link), /^[A-Za-z0-9_-]+$/);
      const printed = page.locator('article.report p.report-link a');
      assert.equal(await printed.getAttribute('href'), link, 'the printed report links elsewhere');
      assert.equal((await printed.textContent()).trim(), link);
    });

    await withFreshContext(link, async ({ page }) => {
      const banner = await sharedBanner(page);
      assert.match((await banner.textContent()).replace(/\s+/g, ' '), new RegExp(`“Reported Robotics”.*shared on ${recentDayPattern()} without notes\\. Verdict: ${HEADLINES.stop}`));
      await waitForVerdict(page, 'stop');
      assert.ok(await radio(page, preconditions[0].id, 'yes').isChecked());
      assert.equal(await page.locator(`[id="${preconditions[0].id}-note"]`).inputValue(), '', 'the note travelled in a link without notes');
      assert.deepEqual(await storageEntries(page, RECORD_PREFIX), []);
    });
  });
});

// ---- Comparisons that cannot be shown; two pickers on one page ---------------------------------

describe('a comparison that cannot be shown', () => {
  /** A link to the example, and the same link with one character changed. */
  async function exampleLinks() {
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: false });
    });
    const payload = payloadOf(url);
    return { payload, altered: changeOneCharacter(payload, Math.floor(payload.length / 2)) };
  }

  test('says why in one sentence (the reason once, one full stop) and changes nothing', { timeout: TIMEOUT }, async () => {
    const { altered } = await exampleLinks();
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Compared Carefully');
      await returnToStart(page);
      const before = await storageEntries(page);
      const cases = [
        { what: 'an altered share link', side: `s:${altered}`, message: `The comparison could not be shown: ${REFUSALS.altered}` },
        { what: 'an id not in the library', side: 'a:no-such-id', message: 'The comparison could not be shown: an assessment it names is not saved in this browser.' },
      ];
      for (const { what, side, message } of cases) {
        await page.goto(`${shared.server().url}#/compare/example/${side}`);
        await messageNotice(page).filter({ hasText: 'The comparison could not be shown' }).waitFor();
        await page.locator('#org-name').waitFor({ state: 'visible' });
        assert.equal(await page.locator('article.compare').count(), 0);
        assert.deepEqual(await storageEntries(page), before, `${what}: saved data changed`);
        assert.equal((await messageNotice(page).locator('p').textContent()).trim(), message, `${what}: the message`);
      }
    });
  });

  test('leaves an address that names what is on screen (the start screen), as a broken share link does', { timeout: TIMEOUT }, async () => {
    const { altered } = await exampleLinks();
    await withApp(async ({ page }) => {
      for (const [what, side] of [['an altered share link', `s:${altered}`], ['an id not in the library', 'a:no-such-id']]) {
        await returnToStart(page);
        await page.goto(`${shared.server().url}#/compare/example/${side}`);
        await messageNotice(page).filter({ hasText: 'The comparison could not be shown' }).waitFor();
        await page.locator('#org-name').waitFor({ state: 'visible' });
        await page.waitForTimeout(300);
        assert.equal(await fragment(page), '#/', `${what}: the start screen is shown, but the address still names the comparison`);
      }
    });
  });
});

describe('two "Compare with" pickers on a shared assessment\'s report', () => {
  test('every id on the page is unique and each picker\'s list has its own label', { timeout: TIMEOUT }, async () => {
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: false });
    });
    await withFreshContext(`${url}/report`, async ({ page }) => {
      await sharedBanner(page);
      await waitForView(page, 'report');
      await page.locator('article.report').waitFor();
      assert.equal(await page.locator('.compare-picker').count(), 2, 'expected the banner\'s and the report\'s picker');
      const duplicates = await page.evaluate(() => {
        const seen = new Map();
        for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
      });
      const unlabelled = await page
        .locator('.compare-picker select')
        .evaluateAll((selects) => selects.map((s) => s.labels.length));
      assert.deepEqual(
        { duplicates, labelsPerPicker: unlabelled },
        { duplicates: [], labelsPerPicker: [1, 1] },
        'the report\'s "Compare with" list shares its id with the banner\'s: its label names the banner\'s list, and it has none',
      );
    });
  });
});

describe('a share link damaged in transport', () => {
  test('opens with ")" "." ">" a quote or a space after it, and across an e-mail line wrap; the address is then clean', { timeout: TIMEOUT }, async () => {
    let url;
    await withApp(async ({ page }) => {
      await openExample(page);
      url = await makeLink(page, { notes: true });
    });
    const payload = payloadOf(url);
    const base = url.split('#/s/')[0];
    const half = Math.floor(payload.length / 2);
    const damaged = [
      ['a ")" from Markdown', `${url})`],
      ['a full stop', `${url}.`],
      ['a ">" from <…>', `${url}>`],
      ['a closing quote', `${url}"`],
      ['a space', `${url}%20`],
      ['a page and a ")"', `${base}#/s/${payload}/report)`],
      ['an e-mail line wrap (quoted-printable soft break)', `${base}#/s/${payload.slice(0, half)}=\n${payload.slice(half)}`],
      ['spaces inside', `${base}#/s/${payload.slice(0, half)}%20%20${payload.slice(half)}`],
    ];
    // Opened afresh (the address the browser opens with) ...
    await withFreshContext(damaged[0][1], async ({ page }) => {
      await sharedBanner(page);
      await pollUntil(() => fragment(page), (f) => f.startsWith(`#/s/${payload}/`), 'the clean address');
      // ... and pasted into the address bar of the open page.
      for (const [what, address] of damaged) {
        await page.goto(`${base}#/`);
        await page.locator('#org-name').waitFor({ state: 'visible' });
        await page.goto(address);
        await sharedBanner(page);
        const now = await pollUntil(() => fragment(page), (f) => f.startsWith(`#/s/${payload}/`), `${what}: the clean address`);
        if (what.includes('page')) assert.equal(now, `#/s/${payload}/report`, `${what}: the page was lost`);
      }
      // A cut link is still named as cut.
      await page.goto(`${base}#/`);
      await page.goto(`${base}#/s/${payload.slice(0, payload.length - 12)}`);
      await messageNotice(page).filter({ hasText: refusalNotice(REFUSALS.truncated) }).waitFor();
    });
  });
});
