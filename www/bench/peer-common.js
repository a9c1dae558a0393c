// The benchmark pages' view of the peer's Grid.js: when a change is on screen, and its throttle.

const GRIDJS = "/bench/peer/node_modules/gridjs/dist/gridjs.production.es.min.js";
const RENDERED = 3; // Grid.js's Status.Rendered

/**
 * Resolves once `grid` has processed its data again and rendered the rows (its store passes
 * through another status back to Rendered). Grid.js works asynchronously: a sort, a search or
 * the first render return before the rows change. Subscribe before the change starts.
 */
export function rendered(grid) {
  return new Promise((resolve, reject) => {
    const store = grid.config.store;
    let working = false;
    const timer = setTimeout(() => {
      stop();
      reject(new Error("Grid.js did not render within 120 s"));
    }, 120_000);
    const stop = store.subscribe((state) => {
      if (state.status !== RENDERED) working = true;
      else if (working) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

/**
 * Sets Grid.js's `processingThrottleMs` option (default 100) to 0 for every grid created from
 * now on: with the default, each render, sort and search first waits up to 100 ms. peer.mjs
 * does not pass options through, so this changes Grid.js's defaults. Call it after peer.mjs has
 * loaded (the module is then already fetched and this adds no request).
 */
export async function unthrottle() {
  const { Config } = await import(GRIDJS);
  const defaults = Config.defaultConfig;
  Config.defaultConfig = () => ({ ...defaults(), processingThrottleMs: 0 });
}
