// Performance: a 200-invoice dossier (imported from a generated file) is recomputed on each
// keystroke. Measured in the page with performance.now(), from the input event to the next
// animation frame after the totals changed ("frame"), and to the first task after that frame,
// once style, layout and paint are done ("painted"). Reported (annotation + console), never
// asserted: timings depend on the machine.
import { test, expect } from './guard';
import { bigDossier } from './dossiers';
import { RelancePage } from './pages/relance';

const INVOICES = 200;

/** Types `values` one by one into `selector`; per keystroke, [frame, painted] in ms. */
async function measure(page: import('@playwright/test').Page, selector: string, values: string[]) {
  return page.evaluate(
    async ({ selector, values }) => {
      const input = document.querySelector(selector) as HTMLInputElement;
      const total = document.querySelector('[data-testid=total-due]')!;
      const times: [number, number][] = [];
      for (const value of values) {
        const elapsed = await new Promise<[number, number]>((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => {
              const frame = performance.now() - start;
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve([frame, performance.now() - start]);
              channel.port2.postMessage(null);
            });
          });
          observer.observe(total, { childList: true, characterData: true, subtree: true });
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          setTimeout(() => {
            observer.disconnect();
            resolve([Number.NaN, Number.NaN]);
          }, 5000);
        });
        times.push(elapsed);
        await new Promise((r) => setTimeout(r, 50));
      }
      return times;
    },
    { selector, values },
  );
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

function summary(times: [number, number][]) {
  const frame = stats(times.map((t) => t[0]));
  const painted = stats(times.map((t) => t[1]));
  return `next frame ${frame}; painted ${painted} (${times.length} keystrokes)`;
}

test('keystroke to next frame with 200 invoices (reported)', async ({ page }, info) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.importFile('dossier-200.json', bigDossier(INVOICES, { payments: true }));
  await expect(app.status).toContainText(`Dossier importé : ${INVOICES} facture(s).`);
  await expect(app.totalDue).toBeVisible();
  await expect(app.invoice(INVOICES)).toBeAttached();

  // One invoice's amount (one row and one décompte change) …
  const amounts = Array.from({ length: 20 }, (_, i) => `${5000 + i}`);
  const oneInvoice = await measure(page, '#f-invoices-99-amount', amounts);
  // … and the calculation date (every invoice's décompte changes).
  const dates = Array.from({ length: 10 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
  const allInvoices = await measure(page, '#f-as_of', dates);

  expect(oneInvoice.flat().every(Number.isFinite), 'every keystroke updated the totals').toBe(true);
  expect(allInvoices.flat().every(Number.isFinite), 'every keystroke updated the totals').toBe(true);
  const report = `${INVOICES} invoices — amount of one invoice: ${summary(oneInvoice)}; calculation date: ${summary(allInvoices)}`;
  console.log(`[perf] ${report}`);
  info.annotations.push({ type: 'performance', description: report });
});
