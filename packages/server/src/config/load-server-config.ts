import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { ServerConfigError } from "./server-config-error.js";
import { type ServerConfig, validateServerConfig } from "./validate-server-config.js";

/** The default `--config`. */
export const DEFAULT_CONFIG_PATH = "/etc/spoor/server.yml";

const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads and validates `server.yml`. The file must be a regular file (not a symlink), owned
 * by root or the user running the server and closed to group and others (0600: it holds the
 * webhook secrets and SMTP passwords). With `optional`, a missing file gives the defaults.
 *
 * @throws ServerConfigError for a missing (unless optional), unsafe, unreadable, oversized,
 *   non-YAML or invalid file, naming the key and the fix.
 */
export function loadServerConfig(path: string, options: { optional?: boolean } = {}): ServerConfig {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && options.optional) return validateServerConfig(undefined);
    if (code === "ELOOP") {
      throw new ServerConfigError(`${path} is a symlink`, {
        fix: "point --config at the file itself",
      });
    }
    throw new ServerConfigError(`${path} cannot be read (${code ?? "error"})`, {
      fix: code === "ENOENT" ? `create ${path} (mode 0600) or pass --config` : undefined,
    });
  }
  let text: string;
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw new ServerConfigError(`${path} is not a regular file`);
    if (stat.uid !== 0 && stat.uid !== process.geteuid?.()) {
      throw new ServerConfigError(`${path} belongs to uid ${stat.uid}`, {
        fix: `chown root ${path}`,
      });
    }
    // systemd's LoadCredential= copies the file into a directory only the service can reach.
    const credentials = process.env.CREDENTIALS_DIRECTORY;
    const delivered = credentials !== undefined && path.startsWith(`${credentials}/`);
    if ((stat.mode & (delivered ? 0o007 : 0o077)) !== 0) {
      throw new ServerConfigError(
        `${path} has mode ${(stat.mode & 0o777).toString(8).padStart(4, "0")}; expected 0600 (it holds secrets)`,
        { fix: `chmod 0600 ${path}` },
      );
    }
    if (stat.size > MAX_CONFIG_BYTES) throw new ServerConfigError(`${path} is larger than 1 MiB`);
    text = readFileSync(descriptor, "utf8");
  } finally {
    closeSync(descriptor);
  }
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ServerConfigError(
      `${path} is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  try {
    return validateServerConfig(document);
  } catch (error) {
    if (error instanceof ServerConfigError) {
      throw new ServerConfigError(`${path}: ${error.problem}`, { key: error.key, fix: error.fix });
    }
    throw error;
  }
}
