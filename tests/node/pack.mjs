// Helpers for the packaging tests: pack pkg/ as `make pack` does and install the tarball into a
// fresh app folder under the system temp dir, offline (the package has no dependencies) and with
// a throw-away npm cache, as a user of the package gets it.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
/** A tool installed into .tools/ by scripts/setup.sh (vite, tsc...). */
export const toolBin = (name) => path.join(repoRoot, ".tools", "node_modules", ".bin", name);

const execFileAsync = promisify(execFile);
/** Runs a command; resolves to its stdout, rejects with its output in the message. */
export async function run(command, args, options = {}) {
  try {
    // npm: no update check, audit or funding notes (quiet, and nothing to fetch)
    const env = { ...process.env, npm_config_update_notifier: "false", npm_config_audit: "false", npm_config_fund: "false" };
    const { stdout } = await execFileAsync(command, args, { maxBuffer: 16 << 20, env, ...options });
    return stdout;
  } catch (err) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${err.stdout ?? ""}${err.stderr ?? err.message}`);
  }
}

/**
 * Packs pkg/ as `make pack` does (scripts/pack.sh) into a fresh `<temp>/app` and installs the
 * tarball there as the README says, `npm install ./eol-table-<version>.tgz`:
 * { dir, app, tarball, files (paths in the tarball), remove() }.
 */
export async function packedApp(label) {
  const dir = await mkdtemp(path.join(tmpdir(), `eol-table-${label}-`));
  const app = path.join(dir, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const tarball = (await run("bash", ["scripts/pack.sh", app], { cwd: repoRoot })).trim().split("\n").pop();
  const files = (await run("tar", ["-tzf", tarball]))
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
  const npmCache = path.join(dir, "npm-cache");
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--cache", npmCache, `./${path.basename(tarball)}`], {
    cwd: app,
  });
  return {
    dir,
    app,
    tarball,
    files: files.sort(),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
