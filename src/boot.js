// Starts the app without an inline script and without fetch(), so the Content-Security-Policy
// needs no hash and says connect-src 'none'. index.html (Trunk.toml's pattern_script) loads, as
// module scripts: the wasm-bindgen bindings, <module>.js, then this file as
// boot.js?js=<bindings>&wasm=<module>.js, with the hashed file names of the current build.
// <module>.js holds the .wasm, gzipped, in base64 (written by the post_build hook
// xtask/src/bin/embed-wasm.rs). Both are fetched before the load event, so the import()s below
// find them in the module map: nothing is requested after the load event.
const params = new URL(import.meta.url).searchParams;
const [{ default: init }, { default: base64, size }] = await Promise.all([
  import(params.get('js')),
  import(params.get('wasm')),
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
