import { lstat, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DAEMON_ENVIRONMENT, DAEMON_NODE_FLAGS } from "@spoor/agent/launch";
import { packageBin } from "./package-bin.js";
import { renderServerUnit, SERVER_UNIT_NAME } from "./render-server-unit.js";

/** What `spoor server install` did. */
export interface ServerInstallResult {
  unitPath: string;
  configPath: string;
  /** False when a config file was there already (it is never overwritten). */
  configCreated: boolean;
}

const DEFAULT_CONFIG = `# spoor server configuration (server.md §1). Mode 0600: it holds notification secrets.
listen: 127.0.0.1:8480
database: sqlite:/var/lib/spoor-server/spoor.sqlite
# A fleet's servers share one PostgreSQL instead (the password stays in this 0600 file):
# database: postgres://spoor:PASSWORD@db.example.net:5432/spoor
retention_days: 400
# public_url: https://spoor.example.net
# tls: {cert: /etc/spoor/tls/cert.pem, key: /etc/spoor/tls/key.pem}
# notify:
#   - {type: webhook, url: https://hooks.example.net/spoor, secret: CHANGE-ME-AT-LEAST-16-CHARS}
`;

async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    throw new Error(`${path} exists and is not a regular file (a symlink?): remove it first`);
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  const temporary = `${path}.spoor-${process.pid}`;
  await writeFile(temporary, content, { mode, flag: "wx" });
  await rename(temporary, path);
}

/**
 * Writes `<root>/etc/systemd/system/spoor-server.service` (0644, rewritten each time) and,
 * when missing, a commented `<root>/etc/spoor/server.yml` (0600). The unit names absolute
 * paths: this node, the `spoor-server` entry of the installed `@spoor/daemons`, and
 * `/etc/spoor/server.yml` as seen on the target system.
 *
 * @throws Error when a target path is a symlink or not a file, or the entry cannot be found;
 *   file-system errors (EACCES) as they are.
 */
export async function installServer(root = "/"): Promise<ServerInstallResult> {
  const unitPath = join(root, "etc/systemd/system", SERVER_UNIT_NAME);
  const configPath = join(root, "etc/spoor/server.yml");
  await writeAtomically(
    unitPath,
    renderServerUnit({
      nodePath: process.execPath,
      nodeFlags: DAEMON_NODE_FLAGS,
      environment: DAEMON_ENVIRONMENT,
      entryPath: packageBin("@spoor/daemons", "spoor-server"),
      configPath: "/etc/spoor/server.yml",
    }),
    0o644,
  );
  const configCreated = (await lstat(configPath).catch(() => undefined)) === undefined;
  if (configCreated) {
    await mkdir(dirname(configPath), { recursive: true, mode: 0o755 });
    await writeAtomically(configPath, DEFAULT_CONFIG, 0o600);
  }
  return { unitPath, configPath, configCreated };
}
