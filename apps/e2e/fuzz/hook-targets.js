// Fuzz targets for the cPanel hook: one payload in, the hook's promises checked — STDOUT stays
// empty (or "1"), at most one spool file appears and only in parsed/, nothing else in the
// sandbox changes, no password is written, no prototype is polluted.
import { randomBytes } from "node:crypto";
import { readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { runHook } from "@spoor/cpanel-hook";
import { HOOK_EVENTS } from "@spoor/parsers";
import { makeHookSandbox as makeSandbox, runNode } from "@spoor/test-support";

/** @typedef {import("@spoor/test-support").HookSandbox} HookSandbox */

/** Every hook event kind, opted in so that as many payloads as possible reach the spool. */
const ALL_KINDS = HOOK_EVENTS.filter((kind) => kind !== "forward_added_partial_recipient");
const DIAGNOSTIC = "spoor-cpanel-hook: ";
const SPOOL_NAME = /^error\.\d+\.\d{7}\.json$/;

/**
 * A temp root with a 0600 config (0700 directories) whose spool lives inside it, every hook
 * kind opted in.
 */
export function makeHookSandbox() {
  return makeSandbox("spoor-fuzz-hook-", { events: ALL_KINDS, apiIdentifier: "fuzz" });
}

/** @param {string} dir @returns {Promise<string[]>} every path under `dir` */
async function listTree(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => join(entry.parentPath ?? entry.path, entry.name)).sort();
}

/**
 * The password values of a payload (strings under a key containing "pass", at least 8
 * characters, so that they cannot occur by chance) that do not also appear as some other field's value — those must never be
 * written anywhere. Walks at most 100,000 nodes, without recursion.
 * @param {Buffer} input
 * @returns {string[]}
 */
export function secretsOf(input) {
  /** @type {unknown} */
  let document;
  try {
    document = JSON.parse(input.toString("utf8"));
  } catch {
    return [];
  }
  const secrets = new Set();
  const others = new Set();
  const stack = [document];
  for (let visited = 0; stack.length > 0 && visited < 100_000; visited++) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") {
        (/pass/i.test(key) && value.length >= 8 ? secrets : others).add(value);
      } else stack.push(value);
    }
  }
  return [...secrets].filter((secret) => !others.has(secret));
}

/** @param {string} what @param {unknown} detail */
function violation(what, detail) {
  return new Error(`${what}: ${JSON.stringify(detail).slice(0, 600)}`);
}

/**
 * Checks what one hook run left behind and removes the spool file it wrote.
 * @param {HookSandbox} sandbox
 * @param {readonly string[]} before the tree before the run
 * @param {{ stdout: string; stderr: string; code: number | null }} run
 * @param {boolean} spawned whether it ran as a process (STDOUT "1" is then tolerated)
 * @param {readonly string[]} secrets password values of the payload ({@link secretsOf})
 * @returns {Promise<"spooled" | "not-spooled">}
 */
async function checkAftermath(sandbox, before, run, spawned, secrets) {
  if (!(run.stdout === "" || (spawned && run.stdout === "1")))
    throw violation("STDOUT", run.stdout);
  if (run.code !== 0 && run.code !== 1) throw violation("exit code", run);
  for (const line of run.stderr.split("\n")) {
    if (line !== "" && !line.startsWith(DIAGNOSTIC))
      throw violation("unexpected STDERR line", line);
  }
  if (secrets.some((secret) => run.stderr.includes(secret)))
    throw violation("password on STDERR", run.stderr);
  if (/** @type {any} */ ({}).polluted !== undefined) throw violation("prototype polluted", run);
  const after = await listTree(sandbox.root);
  const added = after.filter((path) => !before.includes(path));
  const removed = before.filter((path) => !after.includes(path));
  const spooled = added.filter(
    (path) =>
      path.startsWith(`${sandbox.spool.parsed}/`) &&
      SPOOL_NAME.test(path.slice(sandbox.spool.parsed.length + 1)),
  );
  const stray = added.filter(
    (path) => !spooled.includes(path) && !before.includes(path) && !isSpoolDirectory(sandbox, path),
  );
  if (removed.length > 0 || stray.length > 0 || spooled.length > 1) {
    throw violation("files changed outside the one spool entry", { added, removed });
  }
  if (spooled.length === 0) return "not-spooled";
  const text = await readFile(/** @type {string} */ (spooled[0]), "utf8");
  const entry = JSON.parse(text);
  if (entry.type !== "error" || typeof entry.id !== "string" || typeof entry.event !== "string") {
    throw violation("spool entry shape", entry);
  }
  if (secrets.some((secret) => text.includes(secret)))
    throw violation("password in the spool", text);
  await unlink(/** @type {string} */ (spooled[0]));
  return "spooled";
}

/** The spool's own directories, created on first use. @param {HookSandbox} sandbox @param {string} path */
function isSpoolDirectory(sandbox, path) {
  const state = join(sandbox.root, "state");
  return ["", "/parsed", "/transmitted", "/failed", "/quarantine"].some(
    (suffix) => path === state + suffix,
  );
}

/**
 * Runs the hook in this process (`runHook` of @spoor/cpanel-hook, as the bundle's main does)
 * on `input` and checks the aftermath.
 * @param {HookSandbox} sandbox
 * @param {Buffer} input
 */
export async function checkHookInProcess(sandbox, input) {
  const before = await listTree(sandbox.root);
  let stdout = "";
  let stderr = "";
  const code = await runHook({
    argv: ["--config", sandbox.configPath],
    scriptPath: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook",
    stdin: Readable.from(input.length === 0 ? [] : [input]),
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    now: Date.now,
    randomBytes: (size) => randomBytes(size),
  });
  return checkAftermath(sandbox, before, { code, stdout, stderr }, false, secretsOf(input));
}

/**
 * Runs the bundled hook script as cPanel does (a process, payload on STDIN) and checks the
 * aftermath.
 * @param {HookSandbox} sandbox
 * @param {string} bundle path of `packages/cpanel-hook/dist/hook.js`
 * @param {Buffer} input
 */
export async function checkHookProcess(sandbox, bundle, input) {
  const before = await listTree(sandbox.root);
  const run = await runNode(bundle, ["--config", sandbox.configPath], {
    input,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/" },
  });
  return checkAftermath(sandbox, before, /** @type {any} */ (run), true, secretsOf(input));
}
