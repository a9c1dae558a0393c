// Helpers for the packaging tests: `npm pack` pkg/ and install the tarball into a fresh app
// folder under the system temp dir, offline (the package has no dependencies) and with a
// throw-away npm cache, as a user of the published package would get it.
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
 * Packs pkg/ and installs the tarball into `<temp>/app`:
 * { dir, app, files (paths in the tarball), remove() }.
 */
export async function packedApp(label) {
  const dir = await mkdtemp(path.join(tmpdir(), `eol-table-${label}-`));
  const [packed] = JSON.parse(
    await run("npm", ["pack", "./pkg", "--pack-destination", dir, "--json", "--silent"], { cwd: repoRoot }),
  );
  const app = path.join(dir, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const npmCache = path.join(dir, "npm-cache");
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--cache", npmCache, path.join(dir, packed.filename)], {
    cwd: app,
  });
  return {
    dir,
    app,
    files: packed.files.map((f) => f.path).sort(),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
