// Preloaded (`node --import`) by the README examples test: the examples' fetches of
// endoflife.date's API get the repository's copies (tests/node/readme.mjs, EXTERNAL), and any
// other request to the web fails, so the examples run offline and the same on every machine.
import { externalBody } from "./readme.mjs";

const online = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const known = externalBody(url);
  if (known) return new Response(known.body, { status: 200, headers: { "content-type": known.type } });
  if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) return online(input, init);
  throw new TypeError(`fetch failed: ${url} is not served offline (add it to EXTERNAL in tests/node/readme.mjs)`);
};
