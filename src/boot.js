// Starts the app without an inline script and without fetch(), so the Content-Security-Policy
// needs no hash and says connect-src 'none'. index.html (Trunk.toml's pattern_script) loads, as
// module scripts, this file as boot.js?js=<bindings>&wasm=<module>.js (the hashed file names of
// the current build), then the wasm-bindgen bindings, <bindings>. <module>.js holds the .wasm,
// gzipped, in base64 (written by the post_build hook xtask/src/bin/embed-wasm.rs); this file
// requests it, with the integrity hash the hook wrote in data-wasm-integrity.
// The order is what the visitor sees first: index.html's title paints at once, the 290 KiB
// module is requested once it is on screen, so that it does not compete with the stylesheet on
// a slow link. It is requested at DOMContentLoaded at the latest, which the bindings hold back
// until they are in: the load event waits for a script element, so every file is requested
// before the load event, and the import()s below find both modules in the module map.
// Every script carries an integrity hash: a file altered on the way is refused by the browser,
// and the page says so instead of starting.
// Once the app runs, this file registers the service worker (sw.js, offline use) and offers
// « Recharger » when a new version of the app has been installed beside the running one.

const params = new URL(import.meta.url).searchParams;
const bindingsUrl = new URL(params.get('js'), import.meta.url).href;
const moduleUrl = new URL(params.get('wasm'), import.meta.url).href;
const bootScript = [...document.scripts].find((script) => script.src === import.meta.url);

// Until the app replaces it (src/lib.rs empties #app), a line says the calculator is coming.
const status = document.createElement('p');
status.className = 'boot-status';
status.textContent = 'Chargement du calculateur…';
document.getElementById('app')?.append(status);

let moduleLoaded;
// Requests <module>.js once, as a module script; resolves when it has run.
function requestModule() {
  if (moduleLoaded) return moduleLoaded;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = moduleUrl;
  script.integrity = bootScript?.dataset.wasmIntegrity ?? '';
  moduleLoaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', () => reject(new Error(`Relance : ${moduleUrl} refusé.`)), { once: true });
  });
  document.head.append(script);
  return moduleLoaded;
}

// At DOMContentLoaded at the latest: the load event has not fired yet.
addEventListener('DOMContentLoaded', requestModule, { once: true });
// Earlier if the title is on screen before: the frame after the first contentful paint.
try {
  new PerformanceObserver((entries, observer) => {
    if (!entries.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(requestModule));
  }).observe({ type: 'paint', buffered: true });
} catch {
  // No paint timing in this browser: DOMContentLoaded it is.
}

async function start() {
  await requestModule();
  const [{ default: init }, { default: base64, size }] = await Promise.all([
    import(bindingsUrl),
    import(moduleUrl),
  ]);
  let gzipped;
  if (Uint8Array.fromBase64) {
    gzipped = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    gzipped = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) gzipped[i] = binary.charCodeAt(i);
  }
  // A Blob and a Response made here, not fetched: no request, nothing for connect-src to block.
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  if (bytes.length !== size) {
    throw new Error(`Relance : module WebAssembly incomplet (${bytes.length} octets sur ${size}).`);
  }
  await init({ module_or_path: bytes });
}

// A message at the top of the page (no inline style: classes from styles/app.css).
function notice(className, role, text) {
  const block = document.createElement('div');
  block.className = className;
  block.setAttribute('role', role);
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  block.append(paragraph);
  document.body.prepend(block);
  return block;
}

// « Recharger » once a new version waits; reloads only when the user clicks.
function offerUpdate(registration) {
  if (!registration.waiting || !navigator.serviceWorker.controller) return; // first install: nothing to offer
  if (document.querySelector('.update-banner')) return;
  const banner = notice('update-banner', 'status', 'Une nouvelle version de Relance est prête.');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Recharger';
  button.addEventListener('click', () => {
    button.disabled = true;
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload(); // another tab has already switched to the new version
      return;
    }
    // The dossier is in localStorage: the reload loses nothing.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('skip-waiting');
  });
  banner.append(button);
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register(new URL('sw.js', import.meta.url))
    .then((registration) => {
      offerUpdate(registration);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') offerUpdate(registration);
        });
      });
    })
    // No offline use (private window, storage refused…): the page works as before.
    .catch((error) => console.warn('Relance : utilisation hors ligne indisponible.', error));
}

try {
  await start();
} catch (error) {
  status.remove();
  // A panic during start-up has its own message (src/web/panic.rs).
  if (!document.getElementById('panic-fallback')) {
    notice(
      'boot-error',
      'alert',
      "Relance n'a pas pu démarrer : un fichier de l'application est incomplet ou a été modifié. " +
        'Rechargez la page ; si le problème persiste, videz le cache du navigateur pour ce site.',
    );
  }
  throw error;
}
if (document.readyState === 'complete') registerServiceWorker();
else addEventListener('load', registerServiceWorker, { once: true });
