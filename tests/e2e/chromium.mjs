// Debian's Chromium and the flags every browser run here uses (the Playwright tests and the
// Lighthouse stage): no background traffic, and any non-local host name fails to resolve, so
// nothing may leave 127.0.0.1 and a stray request fails fast.
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
