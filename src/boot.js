// Starts the app without an inline script, so the Content-Security-Policy needs no hash.
// Trunk.toml's pattern_script loads this module as boot.js?js=<bindings>&wasm=<module>,
// with the hashed file names of the current build.
const params = new URL(import.meta.url).searchParams;
const { default: init } = await import(params.get('js'));
await init({ module_or_path: params.get('wasm') });
