// `cargo xtask bench-web`: the benchmarks (*.bench.ts) on dist/, with the e2e tests' server,
// browser and guard; reported, never part of `cargo xtask test`.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testMatch: '*.bench.ts',
  reporter: [['list']],
});
