import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/**
 * The package whose bin serves the Spoor API in tests, and the export that names the bin.
 * Moving to another server changes these lines and {@link serverArgs}, nothing else.
 */
const SERVER_PACKAGE = "@spoor/server";
const SERVER_BIN_EXPORT = `${SERVER_PACKAGE}/bin`;

/**
 * The server.yml a launched server gets by default. The samples are real cPanel lines of
 * 2019–2024, older than the default `retention_days` (400): the server's first retention
 * pass, 30 s after its start, would delete them under a test that runs longer than that (a
 * slow machine) and then answer their re-sends as duplicates. 36500 days keeps them.
 */
export const TEST_SERVER_CONFIG = "retention_days: 36500\n";

/** The flags, with an empty config file of its own: a test never reads /etc/spoor/server.yml. */
function serverArgs(db: string, credentials: string, configPath: string): string[] {
  return [
    "--config",
    configPath,
    "--listen",
    "127.0.0.1:0",
    "--db",
    db,
    "--credentials",
    credentials,
  ];
}

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  /** The one accepted Basic-auth pair, `ID:SECRET` (default `ID:SECRET`). */
  credentials?: string;
  /** `--db`: a SQLite file, `:memory:` (the default) or a `postgres://` URL. */
  db?: string;
  /**
   * The text of its `server.yml` (default {@link TEST_SERVER_CONFIG}: every default but a
   * retention that keeps the fixtures' old events).
   */
  config?: string;
  /** Gets every stderr line (JSON log records); without it only the first 16 KiB are kept. */
  onStderrLine?: (line: string) => void;
  /**
   * Where the server package is resolved from (a directory holding a package.json that lists
   * it): default the working directory, which is the package under test for `vitest run` and
   * for benchmarks run by turbo.
   */
  resolveFrom?: string;
}

/** The receiver bin running as a child process. */
export interface ReceiverProcess {
  /** `http://127.0.0.1:PORT`, as the bin printed it. */
  url: string;
  pid: number;
  /** `Basic base64(ID:SECRET)` for the configured pair. */
  authorization: string;
  /** GET `url + path` with the credentials; the parsed JSON body.
   *  @throws Error when the status is not 200. */
  get(path: string): Promise<unknown>;
  /** The start of what it wrote on stderr (for failure messages). */
  stderrHead(): string;
  /** SIGTERM, then waits for the exit (at once when it has exited). */
  stop(): Promise<void>;
  /** SIGKILL (no shutdown at all), then waits for the exit. */
  kill(): Promise<void>;
}

/**
 * The absolute path of the receiver's bin, through the receiver package's `./bin` export.
 * @throws Error saying which devDependency is missing when it cannot be resolved.
 */
export function receiverBin(resolveFrom = process.cwd()): string {
  try {
    return createRequire(join(resolveFrom, "package.json")).resolve(SERVER_BIN_EXPORT);
  } catch (error) {
    throw new Error(
      `cannot resolve ${SERVER_BIN_EXPORT} from ${resolveFrom}: list ${SERVER_PACKAGE} in the devDependencies of the package whose tests start it (${(error as Error).message})`,
    );
  }
}

/**
 * Starts the receiver on a free loopback port and resolves once it printed its URL.
 * @throws Error when it exits before printing the URL (with the start of its stderr).
 */
export async function startReceiver(options: ReceiverOptions = {}): Promise<ReceiverProcess> {
  const credentials = options.credentials ?? "ID:SECRET";
  const configDir = mkdtempSync(join(tmpdir(), "spoor-test-server-"));
  const configPath = join(configDir, "server.yml");
  writeFileSync(configPath, options.config ?? TEST_SERVER_CONFIG, { mode: 0o600 });
  const child = spawn(
    process.execPath,
    [
      receiverBin(options.resolveFrom),
      ...serverArgs(options.db ?? ":memory:", credentials, configPath),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  createInterface({ input: child.stderr }).on("line", (line) => {
    if (options.onStderrLine !== undefined) options.onStderrLine(line);
    else if (stderr.length < 16_384) stderr += `${line}\n`;
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      rmSync(configDir, { recursive: true, force: true });
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      child.stdout.resume();
      resolve(line.trim());
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`the receiver exited (${code ?? signal}) before listening: ${stderr}`)),
    );
  });
  const authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  return {
    url,
    pid: child.pid as number,
    authorization,
    async get(path) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization, accept: "application/json" },
      });
      if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return response.json();
    },
    stderrHead: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
