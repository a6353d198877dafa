// Relance's service worker: keeps the files of one build so that the page opens, computes and
// writes letters without a network. The post_build hook (xtask/src/bin/embed-wasm-and-hash.rs) writes
// dist/sw.js from this file, replacing the `const BUILD` line by the build's version and every
// file of the build with its SHA-384 (Subresource Integrity) hash. A new build is a new sw.js:
// the browser installs it beside the running one, src/boot.js offers « Recharger », and the
// old cache is deleted when the new worker takes over.
//
// What it does, and nothing else: at install, download the build's files (same origin, GET,
// each checked against its hash) into the cache `relance-<version>`; then answer the page's
// GET requests for those files, and navigations to the app's address, from that cache. It
// never answers or makes any other request, and it sees no user data (the dossier stays in
// the page's localStorage).
const BUILD = { version: 'dev', files: [] };

const PREFIX = 'relance-';
const CACHE = PREFIX + BUILD.version;
// The app's address (this file's directory, the registration's scope); `./` in the list.
const INDEX = new URL('./', self.location.href).href;
// URL (without query) → integrity, for every file of the build.
const FILES = new Map(BUILD.files.map(([path, hash]) => [new URL(path, INDEX).href, hash]));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `no-cache`: revalidated with the server (a 304 costs nothing), so a stale HTTP-cached
      // index.html or boot.js cannot get in; `integrity`: a file of another build (a deployment
      // half done) makes the install fail, and the browser tries again later.
      cache.addAll([...FILES].map(([url, integrity]) => new Request(url, { cache: 'no-cache', integrity }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)))),
  );
});

// The page's « Recharger » button: the waiting worker takes over now (the page then reloads).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.hash = '';
  url.search = ''; // boot.js?js=…&wasm=… is boot.js
  let key = null;
  if (request.mode === 'navigate') {
    if (url.href === INDEX || url.href === INDEX + 'index.html') key = INDEX;
  } else if (FILES.has(url.href) && url.href !== INDEX) {
    key = url.href;
  }
  if (key === null) return; // not ours: the browser handles it as if there were no worker
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => {
        if (!cached) return fetch(request);
        // A module's import.meta.url is its response's URL: boot.js?js=…&wasm=… must keep its
        // query (boot.js reads it), so a response stored under another URL is handed over as a
        // new one, whose URL is then the request's.
        return cached.url === request.url ? cached : new Response(cached.body, cached);
      }),
  );
});
