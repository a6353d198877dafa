// `cargo xtask bench-web`: the benchmarks (*.bench.ts) on dist/, with the e2e tests' server,
// browser and guard; reported, never part of `cargo xtask test`. No trace: its DOM snapshots
// would be measured with the page.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testMatch: '*.bench.ts',
  reporter: [['list']],
  use: { ...base.use, trace: 'off' },
});
