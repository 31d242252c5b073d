import { DAEMON_ENVIRONMENT, DAEMON_NODE_FLAGS } from "@spoor/agent/launch";
import { LOG_TYPES, type LogType } from "@spoor/config";
import { systemdQuote } from "@spoor/errors";
import { hardeningDirectives, type UnitNetworkNeed } from "./systemd-hardening.js";

/** `agent`: one unit running every part; `units`: the original's one unit per part. */
export type UnitLayout = "agent" | "units";

/** Every layout, the default first. */
export const UNIT_LAYOUTS: readonly UnitLayout[] = ["agent", "units"];

/** The name of a daemon entry of `@spoor/daemons`, which is also its unit's name. */
export type DaemonName = "spoor-agent" | "spoor-transmitter" | `spoor-${LogType}-follower`;

/** Exit status of a daemon that found its configuration unusable: restarting cannot help. */
export const CONFIG_ERROR_EXIT_STATUS = 78;

/** Every daemon a unit can run: the agent, the transmitter and one follower per log type. */
export const DAEMON_NAMES: readonly DaemonName[] = [
  "spoor-agent",
  "spoor-transmitter",
  ...LOG_TYPES.map((type) => `spoor-${type}-follower` as const),
];

/** What the units run and where. */
export interface UnitFilesOptions {
  layout: UnitLayout;
  /** Absolute path of the node binary (`process.execPath`). */
  nodePath: string;
  /** Absolute path of each daemon entry script. */
  entryPaths: Readonly<Record<DaemonName, string>>;
  /** The configuration the daemons read (`--config`). */
  configPath: string;
  /** The system root the daemons relocate defaults under (`--root`, left out for "/"). */
  root?: string;
  /** The only paths the daemons may write (the spool and state directories). */
  writablePaths: readonly string[];
  /** The configured followers (`units` layout: one unit each). */
  followers: readonly LogType[];
}

/** One unit file: its name in /etc/systemd/system and its text. */
export interface UnitFile {
  name: string;
  content: string;
}

/** The daemons a layout runs, one unit each, in a stable order. Never throws. */
export function layoutDaemons(layout: UnitLayout, followers: readonly LogType[]): DaemonName[] {
  if (layout === "agent") return ["spoor-agent"];
  return [...followers.map((type) => `spoor-${type}-follower` as const), "spoor-transmitter"];
}

/** The unit names of a layout (`spoor-agent.service`, …). Never throws. */
export function layoutUnitNames(layout: UnitLayout, followers: readonly LogType[]): string[] {
  return layoutDaemons(layout, followers).map((daemon) => `${daemon}.service`);
}

/**
 * The unit files of a layout: absolute paths only (node, the entry script, `--config`), the
 * daemons' start-up flags and environment (`@spoor/agent/launch`), restart
 * on failure with a start limit, no restart on a configuration error (exit 78), network-online
 * ordering for the parts that talk to the API, and the sandbox of `hardeningDirectives`.
 * @throws Error when a path holds a control character.
 */
export function renderUnitFiles(options: UnitFilesOptions): UnitFile[] {
  return layoutDaemons(options.layout, options.followers).map((daemon) => ({
    name: `${daemon}.service`,
    content: renderUnit(daemon, options),
  }));
}

function renderUnit(daemon: DaemonName, options: UnitFilesOptions): string {
  const need: UnitNetworkNeed = daemon.endsWith("-follower") ? "offline" : "network";
  const command = [
    options.nodePath,
    ...DAEMON_NODE_FLAGS,
    ...(need === "offline" ? ["--jitless", "--no-expose-wasm"] : []),
    options.entryPaths[daemon],
    "--config",
    options.configPath,
    ...(options.root === undefined || options.root === "/" ? [] : ["--root", options.root]),
  ];
  const unit = [
    `Description=${describe(daemon)}`,
    ...(need === "network" ? ["After=network-online.target", "Wants=network-online.target"] : []),
    "StartLimitIntervalSec=300",
    "StartLimitBurst=5",
  ];
  const service = [
    "Type=simple",
    `ExecStart=${command.map(systemdQuote).join(" ")}`,
    ...Object.entries(DAEMON_ENVIRONMENT).map(([name, value]) => `Environment=${name}=${value}`),
    "Restart=on-failure",
    "RestartSec=5",
    `RestartPreventExitStatus=${CONFIG_ERROR_EXIT_STATUS}`,
    "TimeoutStopSec=15",
    `SyslogIdentifier=${daemon}`,
    ...hardeningDirectives(need, options.writablePaths.map(systemdQuote)),
  ];
  return [
    "# Written by `spoor install`; re-running it rewrites this file, `spoor uninstall` removes it.",
    "[Unit]",
    ...unit,
    "",
    "[Service]",
    ...service,
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}

function describe(daemon: DaemonName): string {
  if (daemon === "spoor-agent") return "Spoor agent: cPanel log followers and transmitter";
  if (daemon === "spoor-transmitter") return "Spoor transmitter: sends spooled events to the API";
  const type = daemon.slice("spoor-".length, -"-follower".length);
  return `Spoor ${type} log follower`;
}
