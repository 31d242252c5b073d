import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createFileSpool, type SpoolEntry, type SpoolPaths } from "@spoor/spool";

/** The built, self-contained hook script the tests run. */
export const HOOK_BUNDLE = fileURLToPath(new URL("../../dist/hook.js", import.meta.url));
/** The package's bin, which only imports the bundle. */
export const HOOK_BIN = fileURLToPath(new URL("../../bin/spoor-cpanel-hook.js", import.meta.url));
/** `nobody`: a run without cPanel's escalation. */
export const NOBODY = { uid: 65534, gid: 65534 };

/** A temp root holding a 0600 config in a 0700 directory and the spool it names. */
export interface HookSandbox {
  root: string;
  configPath: string;
  spool: SpoolPaths;
  cleanup(): Promise<void>;
}

/**
 * Creates a sandbox whose config opts into `events` (`transmission.events`), with `limits`
 * added to its `application` section (e.g. `spool_max_entries`).
 * @throws Error when the bundle has not been built.
 */
export async function makeSandbox(
  events: readonly string[] = [],
  limits: Record<string, number> = {},
): Promise<HookSandbox> {
  if (!existsSync(HOOK_BUNDLE)) throw new Error(`${HOOK_BUNDLE} missing: build the package first`);
  const root = await mkdtemp(join(tmpdir(), "spoor-hook-test-"));
  await chmod(root, 0o700);
  const etc = join(root, "etc");
  await mkdir(etc, { mode: 0o700 });
  const state = join(root, "state");
  const spool: SpoolPaths = {
    parsed: join(state, "parsed"),
    transmitted: join(state, "transmitted"),
    failed: join(state, "failed"),
    quarantine: join(state, "quarantine"),
  };
  const configPath = join(etc, "spoor.yml");
  const yaml = [
    "followers:",
    `  error: { name: ${JSON.stringify(join(root, "error_log"))} }`,
    "transmission:",
    "  credentials: { api_identifier: hook-test, api_secret: not-a-real-secret }",
    "  host: https://spoor.example.test",
    `  events: ${JSON.stringify(events)}`,
    "application:",
    `  parsed_entries_path: ${JSON.stringify(spool.parsed)}`,
    `  transmitted_entries_path: ${JSON.stringify(spool.transmitted)}`,
    `  transmission_failed_entries_path: ${JSON.stringify(spool.failed)}`,
    `  quarantine_path: ${JSON.stringify(spool.quarantine)}`,
    `  state_path: ${JSON.stringify(join(state, "state"))}`,
    ...Object.entries(limits).map(([key, value]) => `  ${key}: ${value}`),
    "",
  ].join("\n");
  await writeFile(configPath, yaml, { mode: 0o600 });
  return { root, configPath, spool, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** What one run of the hook printed. */
export interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Date.now() just before the spawn and just after the exit. */
  startedMs: number;
  endedMs: number;
}

/**
 * Runs the bundle (or `script`) as a child process with cPanel's kind of clean environment,
 * feeding `input` on STDIN (a write the child stops reading is tolerated); with
 * `keepStdinOpen` STDIN stays open until the child exits.
 */
export function runHookProcess(
  args: readonly string[],
  input: string | Buffer,
  options: { uid?: number; gid?: number; script?: string; keepStdinOpen?: boolean } = {},
): Promise<HookRun> {
  const startedMs = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.script ?? HOOK_BUNDLE, ...args], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/", USER: "nobody" },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on("error", () => undefined); // EPIPE when the hook stops reading early
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        startedMs,
        endedMs: Date.now(),
      }),
    );
    if (options.keepStdinOpen) {
      child.stdin.write(input);
      child.on("exit", () => child.stdin.destroy());
    } else {
      child.stdin.end(input);
    }
  });
}

/** The payload cPanel writes for `event`, with `data`. */
export function payload(event: string, data: Record<string, unknown>, stage = "post"): string {
  return JSON.stringify({
    hook: { exectype: "script", hook: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook", stage },
    context: { category: "Cpanel", event, stage, escalateprivs: 1, point: "main" },
    data,
  });
}

/** Names in the spool's parsed/ directory (none when it does not exist). */
export async function parsedNames(sandbox: HookSandbox): Promise<string[]> {
  try {
    return (await readdir(sandbox.spool.parsed)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Every queued entry, read back through the spool package, with each file's mode. */
export async function readSpooled(
  sandbox: HookSandbox,
): Promise<Array<{ name: string; mode: number; entry: SpoolEntry }>> {
  const spool = createFileSpool({ paths: sandbox.spool });
  const files = await spool.list();
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      mode: (await stat(file.path)).mode & 0o777,
      entry: await spool.read(file),
    })),
  );
}

/** Every path under `root` with its size and mtime: to prove a run touched nothing. */
export async function snapshotTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const stats = await stat(path);
      return `${path} ${stats.size} ${stats.mtimeMs}`;
    }),
  ).then((lines) => lines.sort());
}
