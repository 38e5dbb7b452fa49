// End-to-end journeys on the release bundle in headless Chromium: a whole assessment by
// keyboard only, a red flag stopping the verdict at once, the Raccoons Inc. example, the
// pilot gate failing and recording an iteration, and answers surviving a reload. Every test
// also checks that the page stayed clean (no console errors, no failed or external requests).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  formatViolations,
  PHONE_CONTEXT,
  runAxe,
  sharedApp,
} from './support.mjs';
import {
  VIEWS,
  answer,
  answerAllHealthy,
  navButton,
  openExample,
  openView,
  radio,
  readinessModel,
  startAssessment,
  todayIso,
  verdictPanel,
  waitForVerdict,
  waitForView,
} from './flows.mjs';

const TIMEOUT = 90_000;
const READY_HEADLINE = 'Ready — begin the deployment sequence';

const shared = sharedApp();
const { withApp } = shared;

// ---- Keyboard helpers --------------------------------------------------------------------

/** What has keyboard focus, and whether it shows a focus indicator. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const ring = el.closest('label.option') ?? el;
    const style = getComputedStyle(ring);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      id: el.id,
      name: el.getAttribute('name'),
      value: el.getAttribute('value'),
      checked: Boolean(el.checked),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

const describeFocus = (f) =>
  f.tag === 'body'
    ? 'body'
    : `${f.tag}${f.type ? `[type=${f.type}]` : ''}${f.id ? `#${f.id}` : ''}${f.name ? `[name=${f.name}]` : ''}` +
      `${f.value ? `[value=${f.value}]` : ''}${f.text ? ` "${f.text}"` : ''}`;

/** Presses `key` until `matches(focused)` holds; fails naming the path focus took. */
async function pressUntil(page, key, matches, what, max = 12) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (matches(now)) return now;
    path.push(describeFocus(now));
  }
  assert.fail(`${what}: not reached after ${max} presses of ${key}; focus went ${path.join(' → ')}`);
}

/** Asserts the focused element shows a visible focus indicator (:focus-visible and an outline). */
function assertFocusVisible(focus, what) {
  assert.ok(focus.focusVisible, `${what}: ${describeFocus(focus)} has focus but does not match :focus-visible`);
  assert.ok(focus.outline, `${what}: ${describeFocus(focus)} has focus but no visible outline`);
}

/**
 * Answers every question of the open view healthily by keyboard: Tab into each radio group in
 * turn, then ArrowRight (moves to "No" and selects it) or Space (selects the focused "Yes").
 * Groups already answered (a fact shared with an earlier view) are checked, not changed.
 */
async function answerViewByKeyboard(page, expectedIds, { shiftTabCheck = false } = {}) {
  const { healthy } = readinessModel();
  const ids = await page.locator('main fieldset.question').evaluateAll((sets) => sets.map((f) => f.dataset.question));
  assert.deepEqual(ids, expectedIds, 'the view does not ask the questions docs/model.md lists, in its order');
  for (const [index, id] of ids.entries()) {
    const want = healthy.get(id);
    const focus = await pressUntil(page, 'Tab', (f) => f.type === 'radio' && f.name === id, `the answers to ${id}`);
    assertFocusVisible(focus, id);
    const alreadyAnswered = await page.locator(`input[name="${id}"]:checked`).count();
    if (alreadyAnswered) {
      // Tab lands on the checked radio of an answered group: the shared answer given earlier.
      assert.equal(focus.value, want, `${id} was answered earlier with "${focus.value}"`);
      assert.ok(focus.checked, `${id}: Tab should land on the checked radio`);
      continue;
    }
    // Tab enters an unanswered group at its first radio, "Yes", without selecting it.
    assert.equal(focus.value, 'yes', `${id}: Tab should enter the group at "Yes"`);
    assert.equal(focus.checked, false, `${id}: entering the group must not answer it`);
    if (want === 'no') {
      await page.keyboard.press('ArrowRight');
    } else {
      await page.keyboard.press('Space');
    }
    await page.locator(`fieldset.question[data-question="${id}"][data-finding="healthy"]`).waitFor({ state: 'attached' });
    assert.ok(await radio(page, id, want).isChecked(), `${id}: "${want}" is not checked`);
    const after = await focused(page);
    assert.ok(after.name === id && after.value === want, `${id}: focus left the answer, now on ${describeFocus(after)}`);
    assertFocusVisible(after, `${id} after answering`);

    if (shiftTabCheck && index === 1) {
      // Shift+Tab goes back to the previous group, onto its checked answer.
      const previous = ids[0];
      const back = await pressUntil(page, 'Shift+Tab', (f) => f.type === 'radio' && f.name === previous, `back to ${previous}`);
      assert.ok(back.checked && back.value === healthy.get(previous), `Shift+Tab should land on ${previous}'s checked answer`);
      assertFocusVisible(back, `${previous} (Shift+Tab)`);
      await pressUntil(page, 'Tab', (f) => f.name === id && f.checked, `forward to ${id} again`);
    }
  }
}

/** From the end of a view, Tab to its "… →" button, press Enter, and land on the next view's heading. */
async function nextViewByKeyboard(page, next) {
  const focus = await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === `${next.label} →`, `the "${next.label} →" button`, 20);
  assertFocusVisible(focus, `"${next.label} →"`);
  await page.keyboard.press('Enter');
  await waitForView(page, next.token);
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
}

// ---- Journeys ------------------------------------------------------------------------------

describe('journeys', () => {
  test('an assessment completed by keyboard only reaches Ready', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions, maturity, redFlags } = readinessModel();

      // Start: Tab to the organisation field, type, submit with Enter.
      const field = await pressUntil(page, 'Tab', (f) => f.id === 'org-name', 'the organisation field');
      assertFocusVisible(field, '#org-name');
      await page.keyboard.type('Keyboard Co');
      await page.keyboard.press('Enter');
      await waitForView(page, 'preconditions');
      await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
      assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Keyboard Co');
      await waitForVerdict(page, 'hold');

      await answerViewByKeyboard(page, preconditions.map((q) => q.id), { shiftTabCheck: true });
      await nextViewByKeyboard(page, VIEWS[1]);
      await answerViewByKeyboard(page, maturity.map((q) => q.id));
      // Red flags is next: 3–6 restate preconditions and already show their "No".
      await waitForVerdict(page, 'hold');
      await nextViewByKeyboard(page, VIEWS[2]);
      await answerViewByKeyboard(page, redFlags.map((f) => f.question));

      await waitForVerdict(page, 'ready');
      assert.equal((await page.locator('aside#verdict .verdict-headline').textContent()).trim(), READY_HEADLINE);
      assert.equal(await page.locator('main fieldset.question:not([data-finding="healthy"])').count(), 0);
      for (const view of VIEWS.slice(0, 3)) {
        assert.match(await navButton(page, view.token).textContent(), /(?<!\d)(\d+)\/\1(?!\d)/, `${view.label} is not fully answered in the navigation`);
      }
    });
  });

  test('on a phone, keyboard focus is never hidden under the fixed verdict bar', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await startAssessment(page, 'Pocket Co');
      const bar = page.locator('.verdict-bar');
      assert.ok(await bar.isVisible(), 'no verdict bar on a phone');
      // Walk the whole Preconditions view forward, then back, by keyboard (WCAG 2.2 SC 2.4.11).
      const hidden = [];
      const walk = async (key, until) => {
        for (let i = 0; i < 120; i += 1) {
          await page.keyboard.press(key);
          const state = await page.evaluate(() => {
            const el = document.activeElement;
            const box = (el.closest('label.option') ?? el).getBoundingClientRect();
            const bar = document.querySelector('.verdict-bar').getBoundingClientRect();
            return {
              covered: box.bottom > bar.top && box.top < bar.bottom,
              text: (el.labels?.[0]?.textContent || el.textContent || el.id || el.tagName).trim().slice(0, 60),
            };
          });
          if (state.covered) hidden.push(`${key}: ${state.text}`);
          if (await until()) return;
        }
        assert.fail(`${key} never reached the end of the view`);
      };
      await walk('Tab', () => page.evaluate(() => document.activeElement?.textContent?.trim() === 'Maturity →'));
      await walk('Shift+Tab', () => page.evaluate(() => document.activeElement?.id === 'main-heading' || document.activeElement?.closest('nav') !== null));
      assert.deepEqual(hidden, [], 'focused elements (partly) hidden under the verdict bar');

      // "Why?" on the bar moves focus to the verdict panel.
      await bar.getByRole('button', { name: 'Why?' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'verdict');
    }, { contextOptions: PHONE_CONTEXT });
  });

  test('a red flag turns the verdict to Stop at once and names it; a shared fact shows in both places', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions } = readinessModel();
      await startAssessment(page, 'Flagged Ltd');
      for (const q of preconditions.slice(0, 3)) await answer(page, q.id, q.healthy);
      await waitForVerdict(page, 'hold');

      await openView(page, 'red-flags');
      await radio(page, 'red_flag.no_time_for_structure', 'yes').click();
      await waitForVerdict(page, 'stop', 1_000);
      const reason = page.locator('aside#verdict li[data-reason-item="red_flag.no_time_for_structure"]');
      await reason.waitFor();
      assert.match(await reason.textContent(), /KOOM cannot fix this/);
      assert.equal(
        await page.locator('fieldset[data-question="red_flag.no_time_for_structure"]').getAttribute('data-finding'),
        'problem',
      );
      // Taking the answer back lifts the stop.
      await radio(page, 'red_flag.no_time_for_structure', 'no').click();
      await waitForVerdict(page, 'hold', 1_000);
      assert.equal(await reason.count(), 0, 'the red flag is still listed after answering No');

      // Condition 1's "direct orders outside the spine" is red flag 3: one answer, both places.
      const shared = 'precondition.executives.direct_orders_outside_spine';
      await openView(page, 'preconditions');
      await answer(page, shared, 'yes');
      await waitForVerdict(page, 'stop', 1_000);
      await openView(page, 'red-flags');
      const flag3 = page.locator('section[data-item="red_flag.executives_issue_tasks_directly"]');
      assert.ok(await flag3.locator(`input[name="${shared}"][value="yes"]`).isChecked(), 'red flag 3 does not show the Yes given in Preconditions');
      assert.equal(await flag3.locator('fieldset.question').getAttribute('data-finding'), 'problem');
      // And back: No in Red flags is No in Preconditions.
      await flag3.locator(`input[name="${shared}"][value="no"]`).click();
      await waitForVerdict(page, 'hold', 1_000);
      await openView(page, 'preconditions');
      assert.ok(await radio(page, shared, 'no').isChecked(), 'Preconditions does not show the No given under red flag 3');
    });
  });

  test('the Raccoons Inc. example shows a healthy, read-only deployment', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      await openExample(page);
      await waitForVerdict(page, 'ready');
      assert.equal((await page.locator('aside#verdict .verdict-headline').textContent()).trim(), READY_HEADLINE);
      assert.match(await verdictPanel(page).textContent(), /6 of 6 green flags present/);
      assert.equal(await page.locator('main fieldset.question:not([data-finding="healthy"])').count(), 0);

      // Read-only: every answer is disabled, every note read-only, and there is nothing to clear.
      const radios = page.locator('main input[type="radio"]');
      assert.ok((await radios.count()) > 0);
      assert.equal(await page.locator('main input[type="radio"]:not(:disabled)').count(), 0, 'an answer can be changed in the example');
      assert.equal(await page.locator('main textarea:not([readonly])').count(), 0, 'a note can be edited in the example');
      assert.equal(await page.getByRole('button', { name: /^Clear answer/ }).count(), 0);

      await openView(page, 'sequence');
      const steps = page.locator('li.step');
      assert.equal(await steps.count(), 6);
      assert.deepEqual(
        await steps.evaluateAll((items) => items.map((li) => li.dataset.state)),
        Array(6).fill('complete'),
      );
      assert.equal(await page.locator('main input[type="checkbox"][data-item]:not(:disabled)').count(), 0, 'a checklist item can be changed in the example');
      assert.equal(await page.locator('.gate-outcome').getAttribute('data-gate'), 'full-deployment');

      await openView(page, 'stability');
      const health = page.locator('section[data-health="healthy"]');
      await health.waitFor();
      assert.match(await health.textContent(), /Healthy deployment — all ten signs seen by cycle 2/);
      assert.equal(await page.locator('select[data-cycle="2"]').count(), 10);
      assert.equal(await page.locator('select[data-sign]:not(:disabled)').count(), 0, 'a stability sign can be changed in the example');
      assert.ok(await page.getByRole('button', { name: 'Add alignment cycle' }).isDisabled());

      await openView(page, 'report');
      assert.equal((await page.locator('main h1').textContent()).trim(), 'Raccoons Incorporated');
      assert.match(await page.locator('article.report').textContent(), /Verdict: Ready/);
    });
  });

  test('a failed pilot gate records an iteration and returns to the pilot', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { gate } = readinessModel();
      await startAssessment(page, 'Pilot Works');
      await answerAllHealthy(page);
      await waitForVerdict(page, 'ready');

      await openView(page, 'sequence');
      const step = (n) => page.locator(`li.step[data-step="${n}"]`);
      const states = () => page.locator('li.step').evaluateAll((items) => items.map((li) => li.dataset.state));
      assert.deepEqual(await states(), ['current', 'locked', 'locked', 'locked', 'locked', 'locked']);

      const tickAll = async (n) => {
        const boxes = step(n).locator('input[type="checkbox"][data-item]');
        const count = await boxes.count();
        assert.ok(count > 0, `step ${n} has no checklist`);
        for (let i = 0; i < count; i += 1) {
          const box = boxes.nth(i);
          assert.ok(await box.isEnabled(), `step ${n}: item ${i + 1} is disabled while the step is current`);
          await box.click();
          assert.ok(await box.isChecked(), `step ${n}: item ${i + 1} did not tick`);
          // Until the last item is ticked, the step stays current and the next stays locked.
          if (i < count - 1) {
            assert.equal(await step(n).getAttribute('data-state'), 'current');
            assert.equal(await step(n + 1).getAttribute('data-state'), 'locked');
          }
        }
      };

      for (let n = 1; n <= 4; n += 1) {
        // A locked step cannot be ticked.
        assert.ok(
          await step(n + 1).locator('input[type="checkbox"][data-item]').first().isDisabled(),
          `step ${n + 1} can be ticked while locked`,
        );
        await tickAll(n);
        await page.locator(`li.step[data-step="${n}"][data-state="complete"]`).waitFor({ state: 'attached' });
        await page.locator(`li.step[data-step="${n + 1}"][data-state="current"]`).waitFor({ state: 'attached' });
      }

      // Step 5, the pilot: the department names the pilot and is an item of its own.
      assert.equal(await step(6).getAttribute('data-state'), 'locked');
      await page.locator('#pilot-department').fill('Packing, Zone C');
      await page.locator('#pilot-evaluation').fill('Drift visible in Zone C; misreads down.');
      await tickAll(5);
      await page.locator('li.step[data-step="5"][data-state="complete"]').waitFor({ state: 'attached' });
      await page.locator('li.step[data-step="6"][data-state="current"]').waitFor({ state: 'attached' });

      // Step 6, the gate: all Yes but "managers aligned" → roll back, retrain, repeat.
      const failing = 'step.full_deployment.managers_aligned';
      assert.equal(await page.locator('.gate-outcome').getAttribute('data-gate'), 'pending');
      for (const id of gate) {
        assert.equal(await page.locator(`fieldset[data-question="${id}"]`).count(), 1, `gate question ${id} is missing`);
        await answer(page, id, id === failing ? 'no' : 'yes');
      }
      await page.locator('.gate-outcome[data-gate="roll-back"]').waitFor({ state: 'attached' });
      assert.match(await page.locator('.gate-outcome').textContent(), /managers are not aligned/);

      const before = todayIso();
      await page.getByRole('button', { name: 'Record pilot iteration and return to the pilot' }).click();
      const iteration = page.locator('li[data-iteration="1"]');
      await iteration.waitFor();
      const after = todayIso();
      const text = await iteration.textContent();
      assert.ok(text.includes(before) || text.includes(after), `the iteration "${text}" does not carry today's date (${after})`);
      assert.match(text, /managers are not aligned/);
      assert.match(await page.locator('.iterations h3').textContent(), /Pilot iterations: 1/);
      // The failed criterion's training is listed before the pilot is repeated.
      assert.match(await page.locator('.retraining').textContent(), /Manager Training/);
      await page.locator('li.step[data-step="5"][data-state="current"]').waitFor({ state: 'attached' });
      assert.equal(await step(6).getAttribute('data-state'), 'locked');
      assert.equal(await page.locator('.gate-outcome').getAttribute('data-gate'), 'pending');
      for (const id of gate) {
        assert.equal(await page.locator(`input[name="${id}"]:checked`).count(), 0, `gate answer ${id} was kept for the next iteration`);
      }
      assert.equal(await page.locator('#pilot-department').inputValue(), 'Packing, Zone C', 'the pilot department was lost');
      assert.ok(!(await page.locator('input[data-item="step.pilot.real_world_evaluated"]').isChecked()), 'the pilot evaluation is still ticked after the iteration');
      await waitForVerdict(page, 'ready');

      // The states only this journey reaches (iteration history, training to do) are accessible,
      // in the light and the dark colour scheme.
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, `axe-core violations (${colorScheme}):\n${formatViolations(violations)}`);
      }
    });
  });

  test('a reload keeps the answers, the note and the open view', { timeout: TIMEOUT }, async () => {
    await withApp(async ({ page }) => {
      const { preconditions, maturity } = readinessModel();
      await startAssessment(page, 'Persistent Partners');
      const given = [
        [preconditions[0].id, 'no'],
        [preconditions[1].id, 'yes'],
        [preconditions[2].id, 'not_sure'],
      ];
      for (const [id, value] of given) await answer(page, id, value);
      await openView(page, 'maturity');
      given.push([maturity[0].id, 'yes']);
      await answer(page, maturity[0].id, 'yes');
      const noteId = `${maturity[0].id}-note`;
      await page.locator(`fieldset[data-question="${maturity[0].id}"] summary`).click();
      await page.locator(`[id="${noteId}"]`).fill('Seen in the March audit.');
      await waitForVerdict(page, 'stop');

      // Wait until the autosave holds the latest change, then reload.
      await page.waitForFunction(() =>
        Object.keys(localStorage).some((key) => (localStorage.getItem(key) ?? '').includes('Seen in the March audit.')),
      );
      await page.reload({ waitUntil: 'load' });
      await waitForView(page, 'maturity');
      assert.equal((await page.locator('main h1').textContent()).trim(), 'Organisational maturity');
      assert.equal((await page.locator('.nav-org').textContent()).trim(), 'Persistent Partners');
      assert.ok(await radio(page, maturity[0].id, 'yes').isChecked());
      assert.equal(await page.locator(`[id="${noteId}"]`).inputValue(), 'Seen in the March audit.');
      await waitForVerdict(page, 'stop');
      await openView(page, 'preconditions');
      for (const [id, value] of given.slice(0, 3)) {
        assert.ok(await radio(page, id, value).isChecked(), `${id}: "${value}" was lost on reload`);
      }
    }, { contextOptions: { viewport: DESKTOP } });
  });
});
