import { UNIT_SANDBOX_DIRECTIVES } from "@spoor/agent/launch";
import { systemdQuote } from "@spoor/errors";

/** What the unit runs. */
export interface ServerUnitOptions {
  /** Absolute path of node (`process.execPath`). */
  nodePath: string;
  /** Node flags before the entry (`@spoor/agent/launch` DAEMON_NODE_FLAGS). */
  nodeFlags: readonly string[];
  /** Environment of the process (`@spoor/agent/launch` DAEMON_ENVIRONMENT). */
  environment: Readonly<Record<string, string>>;
  /** Absolute path of the `spoor-server` entry of `@spoor/daemons`. */
  entryPath: string;
  /** The config file on the host, handed over with LoadCredential= (`/etc/spoor/server.yml`). */
  configPath: string;
}

/** The unit's file name. */
export const SERVER_UNIT_NAME = "spoor-server.service";

/**
 * `spoor-server.service`: a DynamicUser service (no fixed account, no capabilities) with
 * its database in StateDirectory=spoor-server (0700), the root-only config handed over by
 * LoadCredential= (so the 0600 file stays root's), the agent units' sandbox (read-only
 * system, no devices, kernel and clock protected, `@system-service` syscalls minus
 * `@privileged` answered with EPERM, native architecture, W^X off because V8 JITs), restart
 * on failure with a start limit, and no restart on a configuration error (exit 78). The
 * database is the config's `database:` (SQLite in the state directory by default, or a
 * fleet's PostgreSQL URL), so the unit has no `--db` of its own to override it.
 *
 * @throws Error when a path holds a control character.
 */
export function renderServerUnit(options: ServerUnitOptions): string {
  const command = [
    ...[options.nodePath, ...options.nodeFlags, options.entryPath].map(systemdQuote),
    "--config",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: systemd expands it (LoadCredential=).
    "${CREDENTIALS_DIRECTORY}/server.yml",
  ];
  return [
    "# Written by `spoor server install`; re-running it rewrites this file.",
    "[Unit]",
    "Description=Spoor server: ingest, correlation, alerts and notifications",
    "After=network-online.target",
    "Wants=network-online.target",
    "StartLimitIntervalSec=300",
    "StartLimitBurst=5",
    "",
    "[Service]",
    "Type=simple",
    `ExecStart=${command.join(" ")}`,
    ...Object.entries(options.environment).map(([name, value]) => `Environment=${name}=${value}`),
    `LoadCredential=server.yml:${systemdQuote(options.configPath)}`,
    "Restart=on-failure",
    "RestartSec=5",
    "RestartPreventExitStatus=78",
    "TimeoutStopSec=15",
    "SyslogIdentifier=spoor-server",
    "DynamicUser=yes",
    "StateDirectory=spoor-server",
    "StateDirectoryMode=0700",
    "CapabilityBoundingSet=",
    "AmbientCapabilities=",
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "PrivateDevices=yes",
    "PrivateUsers=yes",
    "PrivateMounts=yes",
    ...UNIT_SANDBOX_DIRECTIVES,
    "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
    "MemoryDenyWriteExecute=no",
    "UMask=0077",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}
