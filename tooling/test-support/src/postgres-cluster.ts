import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster of a test run, on 127.0.0.1, in a temp directory. */
export interface PostgresCluster {
  port: number;
  /** The cluster's directory (data, socket, log). */
  dir: string;
  /** A libpq URL of a database (default `postgres`) as the trusted superuser `spoor`. */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast: open connections are cut) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server and removes the directory. */
  stop(): Promise<void>;
}

/**
 * Where PostgreSQL's server binaries are: `$SPOOR_PG_BIN`, else the newest
 * `/usr/lib/postgresql/N/bin` (Debian's layout), else undefined. Never throws.
 */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.SPOOR_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a private PostgreSQL cluster: `initdb` (trust auth, superuser `spoor`) in a fresh
 * temp directory and `pg_ctl start` listening on 127.0.0.1 only, its socket in that
 * directory (never the machine's own server or its paths). Run as root, the cluster belongs
 * to the `postgres` user (initdb refuses root). `fsync` is off: a test cluster keeps nothing.
 *
 * @throws Error when the binaries are missing (install Debian's `postgresql`) or a step fails
 *   (its stderr in the message)
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (bin === undefined) {
    throw new Error("PostgreSQL server binaries not found: apt-get install -y postgresql");
  }
  const dir = await mkdtemp(join(tmpdir(), "spoor-pg-"));
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? await postgresUser() : undefined;
  if (owner !== undefined) await chown(dir, owner.uid, owner.gid);
  const options = owner === undefined ? {} : { uid: owner.uid, gid: owner.gid };
  const data = join(dir, "data");
  const tool = (name: string, args: string[]) =>
    run(join(bin, name), args, { ...options, cwd: dir, timeout: 60_000 }).catch(
      (error: Error & { stderr?: string }) => {
        throw new Error(`${name} failed: ${error.stderr || error.message}`);
      },
    );
  await tool("initdb", ["-D", data, "-U", "spoor", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c max_connections=100",
  ].join(" ");
  const start = () =>
    tool("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", serverOptions, "-w", "start"]);
  const stopServer = () => tool("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  await start();
  const url = (database = "postgres") => `postgres://spoor@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    async createDatabase(name) {
      await tool("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "spoor", name]);
      return url(name);
    },
    async restart() {
      await stopServer();
      await start();
    },
    async stop() {
      await stopServer().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run("id", ["-u", "postgres"]).catch(() => {
    throw new Error("running as root needs the postgres user (apt-get install -y postgresql)");
  });
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
}
