// Starts the app without an inline script and without fetch(), so the Content-Security-Policy
// needs no hash and says connect-src 'none'. index.html (Trunk.toml's pattern_script) loads, as
// module scripts, this file as boot.js?js=<bindings>&wasm=<module>.js&qjs=<quick bindings>&quick=
// <quick module>.js (the hashed file names of the current build), then the bindings of the
// quick start and of the app. Each <module>.js holds a .wasm, gzipped, in base64 (written by the
// post_build hook xtask/src/bin/embed-wasm-and-hash.rs); this file requests them, with the
// integrity hashes the hook wrote in data-quick-integrity and data-wasm-integrity.
// The quick start (crates/quick, about a sixth of the app) comes first: on a slow connection one
// invoice's total is answered while the app's module is still on its way (issue 16). The app's
// module is requested once the quick start's is in; the app takes over what was typed.
// Why here and not in index.html: a module script runs only once the stylesheet is in, so the
// modules are requested after it, and index.html's title is painted while the module
// downloads instead of after it. The load event waits for a script element: every file is
// still requested before the load event, and the import() below finds the module in the
// module map.
// Every script carries an integrity hash: a file altered on the way is refused by the browser,
// and the page says so instead of starting.
// Once the app runs, this file registers the service worker (sw.js, offline use) and offers
// « Recharger » when a new version of the app has been installed beside the running one.

const params = new URL(import.meta.url).searchParams;
const url = (key) => new URL(params.get(key), import.meta.url).href;
const bindingsUrl = url('js');
const moduleUrl = url('wasm');
const moduleIntegrity = document.querySelector('script[data-wasm-integrity]')?.dataset.wasmIntegrity;
const quickBindingsUrl = url('qjs');
const quickUrl = url('quick');
const quickIntegrity = document.querySelector('script[data-quick-integrity]')?.dataset.quickIntegrity;

// Until the app replaces it (src/lib.rs empties #app), a line says the calculator is coming.
const app = document.getElementById('app');
const status = document.createElement('p');
status.className = 'boot-status';
status.setAttribute('role', 'status');
status.textContent = 'Chargement du calculateur…';
app?.setAttribute('aria-busy', 'true');
app?.append(status);

// A module script at `src` (with its integrity hash); resolves when it has run.
function loadModule(src, integrity) {
  if (!integrity) return Promise.reject(new Error(`Relance : empreinte de ${src} absente.`));
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  script.integrity = integrity;
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', () => reject(new Error(`Relance : ${src} refusé.`)), { once: true });
  });
  document.head.append(script);
  return loaded;
}

// The .wasm bytes a module (`export default base64; export const size`) carries, gunzipped.
async function bytesOf({ default: base64, size }) {
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
  return bytes;
}

// The quick start's module is requested now, the app's as soon as it is in (or refused): both
// before the load event, which waits for a script element added before it fires. One after the
// other, the small one does not share the connection with the large one.
const quickLoaded = loadModule(quickUrl, quickIntegrity);
const appLoaded = quickLoaded.catch(() => {}).then(() => loadModule(moduleUrl, moduleIntegrity));

// The quick start draws itself unless the app is already there (crates/quick). Without it, the
// page waits for the app as before.
async function startQuick() {
  await quickLoaded;
  const [{ default: init, start }, module] = await Promise.all([import(quickBindingsUrl), import(quickUrl)]);
  await init({ module_or_path: await bytesOf(module) });
  start();
}
const quickStarted = startQuick().catch((error) => console.warn('Relance : calcul rapide indisponible.', error));

async function start() {
  await appLoaded;
  const [{ default: init }, module] = await Promise.all([import(bindingsUrl), import(moduleUrl)]);
  await init({ module_or_path: await bytesOf(module) });
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
  // The quick start, drawn or about to be, stays: it computes without the app. Its line then
  // says that the rest will not come.
  await quickStarted;
  const quickStatus = document.querySelector('.quick-start [role="status"]');
  if (quickStatus) {
    quickStatus.textContent = "Le reste de Relance n'a pas pu se charger : seul ce calcul rapide est disponible.";
  }
  status.remove();
  app?.removeAttribute('aria-busy');
  // A panic during start-up has its own message (src/web/panic.rs).
  if (!document.getElementById('panic-fallback')) {
    notice(
      'boot-error',
      'alert',
      navigator.onLine
        ? "Relance n'a pas pu démarrer : un fichier de l'application est incomplet ou a été modifié. " +
            'Rechargez la page ; si le problème persiste, videz le cache du navigateur pour ce site.'
        : "Relance n'a pas pu démarrer : la connexion est coupée et l'application n'est pas encore " +
            'enregistrée dans ce navigateur. Rechargez la page une fois connecté.',
    );
  }
  throw error;
}
if (document.readyState === 'complete') registerServiceWorker();
else addEventListener('load', registerServiceWorker, { once: true });
