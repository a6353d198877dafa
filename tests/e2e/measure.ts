// Keystroke cost, measured in the page with performance.now(): from the input event to the next
// animation frame after `watched` changed ("frame"), and to the first task after that frame, once
// style, layout and paint are done ("painted"). Shared by the reported performance tests and
// `cargo xtask bench-web`; never asserted against a time.
import type { Page } from '@playwright/test';

/** Sets `input` to each of `values` in turn; per value, [frame, painted] in ms (NaN when
 * `watched` did not change within 5 s). */
export async function keystrokes(page: Page, input: string, watched: string, values: string[]): Promise<[number, number][]> {
  return page.evaluate(
    async ({ input, watched, values }) => {
      const field = document.querySelector(input) as HTMLInputElement;
      const target = document.querySelector(watched)!;
      const times: [number, number][] = [];
      for (const value of values) {
        times.push(
          await new Promise<[number, number]>((resolve) => {
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
            observer.observe(target, { childList: true, characterData: true, subtree: true });
            field.value = value;
            field.dispatchEvent(new Event('input', { bubbles: true }));
            setTimeout(() => {
              observer.disconnect();
              resolve([Number.NaN, Number.NaN]);
            }, 5000);
          }),
        );
        // Let deferred work (a redraw after a pause) run between two keystrokes.
        await new Promise((r) => setTimeout(r, 400));
      }
      return times;
    },
    { input, watched, values },
  );
}

/** The median of `times`. */
export function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** « median X ms, max Y ms ». */
export function stats(times: number[]): string {
  const max = Math.max(...times);
  return `median ${median(times).toFixed(1)} ms, max ${max.toFixed(1)} ms`;
}
