import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { packageBin } from "../systemd/package-directory.js";
import type { Child, ChildGroup } from "./child-processes.js";

/** How the demo's server is started. */
export interface DemoServerOptions {
  group: ChildGroup;
  /** A private (0700) directory for its config file. */
  directory: string;
  credentials: { api_identifier: string; api_secret: string };
  webhook: { url: string; secret: string };
}

/** The config of the demo's server: one webhook channel for medium alerts and above. */
function serverYaml(webhook: DemoServerOptions["webhook"]): string {
  return [
    "# the spoor demo's server: notifications go to the demo's local webhook",
    "notify:",
    "  - type: webhook",
    `    url: ${JSON.stringify(webhook.url)}`,
    `    secret: ${JSON.stringify(webhook.secret)}`,
    "    min_severity: medium",
    "",
  ].join("\n");
}

/**
 * Starts `spoor-server` (the daemons' bin) with SQLite in memory on a free loopback port,
 * its own config (mode 0600: it holds the webhook secret; never the machine's
 * /etc/spoor/server.yml) and the demo's throw-away credentials, and waits for its URL.
 * @returns the child and the base URL. @throws Error when it exits first or says nothing
 *   within 20 s; fs errors.
 */
export async function startDemoSpoorServer(
  options: DemoServerOptions,
): Promise<{ server: Child; url: string }> {
  const config = join(options.directory, "server.yml");
  await writeFile(config, serverYaml(options.webhook), { mode: 0o600 });
  const { api_identifier: identifier, api_secret: secret } = options.credentials;
  const server = options.group.start("server", [
    process.execPath,
    packageBin("@spoor/daemons", "spoor-server"),
    ...["--config", config, "--listen", "127.0.0.1:0", "--db", ":memory:"],
    ...["--credentials", `${identifier}:${secret}`],
  ]);
  const url = await server.waitForLine((line) => /^https?:\/\//.test(line), 20_000);
  return { server, url: url.trim() };
}
