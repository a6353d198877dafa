// What the eye trips on, each found by a reviewer on a phone or a desktop and fixed: targets
// big enough to tap, amounts and legal references on one line, labels that line up, a wide
// table that fits or says it scrolls, the step highlighted as soon as its heading is reached.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

/** How many lines each figure of `cell` takes: its own text after the label, or its central
 * figure and its range. */
async function linesOfFigures(cell: Locator): Promise<number[]> {
  return cell.evaluate((el) => {
    const lines = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    const texts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    return [...texts, ...el.querySelectorAll('.central, .range')].map(lines);
  });
}

async function openStrategyWithExample(page: Page): Promise<RelancePage> {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.openStrategy();
  return app;
}

test.describe('phone 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the calendar button is a 44 × 44 px target', async ({ page }) => {
    const app = new RelancePage(page);
    await app.goto();
    const button = app.quickStart.getByRole('button', { name: 'Choisir dans un calendrier', description: "Date d'échéance" });
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  });

  test('Stratégie: amounts on one line, legend labels beside their box, thresholds as a table', async ({ page }) => {
    const app = await openStrategyWithExample(page);
    // Each amount of a path's card stays whole (« 24 116,40 € », not « 24 / 116,40 € »), and so
    // does its range on its own line.
    const cells = app.strategyTable.locator('td.num:not([colspan])');
    const n = await cells.count();
    expect(n).toBeGreaterThan(10);
    for (let i = 0; i < n; i++) {
      const cell = cells.nth(i);
      const lines = await linesOfFigures(cell);
      expect(lines.length, (await cell.textContent()) ?? '').toBeGreaterThan(0);
      // The figure on one line; its range on one line, or two cut at « à ».
      expect(lines[0], (await cell.textContent()) ?? '').toBe(1);
      for (const count of lines.slice(1)) expect(count, (await cell.textContent()) ?? '').toBeLessThanOrEqual(2);
    }
    // A wrapped legend label starts after its box and swatch, on every line.
    const items = page.locator('.chart-legend li');
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      const boxRight = await item.locator('input').evaluate((e) => e.getBoundingClientRect().right);
      const textLeft = await item.locator('label').evaluate((label) => {
        const range = document.createRange();
        range.selectNodeContents(label.lastChild!);
        return Math.min(...[...range.getClientRects()].map((r) => r.left));
      });
      expect(textLeft, (await item.textContent()) ?? '').toBeGreaterThan(boxRight);
    }
    // The thresholds: a table of four columns that fits the screen, not ten cards.
    const thresholds = page.getByTestId('breakevens');
    await expect(thresholds.locator('thead')).toBeVisible();
    expect(await thresholds.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('table-row');
    const wrap = thresholds.locator('xpath=..');
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    // Every other amount of the horizontal axis, so that they do not touch; a threshold's mark
    // is numbered as in the table.
    const chart = page.getByTestId('strategy-chart');
    await expect(chart.locator('.tick-odd').first()).toBeHidden();
    await expect(chart.locator('[data-testid=chart-breakeven] text').first()).toHaveText(/^\[\d+\]$/);
  });

  test('a legal reference is not broken at its hyphen', async ({ page }) => {
    const app = new RelancePage(page);
    await app.goto();
    await app.privateClientWithoutNotice();
    const why = page.getByTestId('why-zero');
    await expect(why).toContainText('(C. civ. 1231-6)');
    const ref = why.locator('span.nowrap', { hasText: '1231-6' });
    await expect(ref).toHaveCount(1);
    expect(await ref.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('nowrap');
  });

  test('the step is highlighted as soon as its heading reaches the navigation', async ({ page }) => {
    const app = new RelancePage(page);
    await app.goto();
    await app.loadExample();
    for (const [id, step] of [
      ['step-parties', 'Parties'],
      ['step-strategy', 'Stratégie'],
      ['step-letter', 'Lettre'],
    ] as const) {
      // Scrolled by hand (not by the link) until the step's top is just under the bar.
      // Twice: the bar sticks to the top only once the page has scrolled past it.
      for (let i = 0; i < 2; i++) {
        await page.evaluate((id) => {
          const bar = document.querySelector('nav.steps')!.getBoundingClientRect().bottom;
          const top = document.getElementById(id)!.getBoundingClientRect().top;
          window.scrollBy(0, top - bar - 2);
        }, id);
      }
      await expect(app.step(step), step).toHaveAttribute('aria-current', 'step');
    }
  });
});

test.describe('desktop 1280 × 900', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the paths table fits the page, and a table that does not shows it scrolls', async ({ page }) => {
    const app = await openStrategyWithExample(page);
    const wrap = app.strategyTable.locator('xpath=..');
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    // The scroll shadows are drawn on every table's box.
    expect(await wrap.evaluate((e) => getComputedStyle(e).backgroundImage)).toContain('radial-gradient');
  });

  test('« Fichiers » looks like the toolbar button beside it', async ({ page }) => {
    const app = new RelancePage(page);
    await app.goto();
    const style = (l: Locator) =>
      l.evaluate((e) => {
        const s = getComputedStyle(e);
        return [s.color, s.borderTopColor, s.borderTopWidth, s.fontSize, s.backgroundColor].join(' | ');
      });
    const files = page.locator('.file-menu summary');
    expect(await style(files)).toBe(await style(app.button('Charger un exemple')));
  });
});
