// Debian's Chromium, headless, driven by playwright-core from .tools/ (installed by
// scripts/setup.sh; it never downloads a browser). Shared by the e2e tests and the benchmark.
import { createRequire } from "node:module";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

const requireTool = createRequire(new URL("../.tools/package.json", import.meta.url));

/** Headless Chromium (playwright gives it a fresh temporary profile). */
export function launchBrowser() {
  const { chromium } = requireTool("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
