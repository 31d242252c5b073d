import { UNIT_SANDBOX_DIRECTIVES } from "@spoor/agent/launch";
/** What a unit's process needs from the system: the network, or only local files. */
export type UnitNetworkNeed = "network" | "offline";

/**
 * Root-owned secrets that root without capabilities could still read through their owner
 * bits: hidden from the units (`-`: a missing path is fine).
 */
export const SECRET_STORES: readonly string[] = [
  "/etc/ssh",
  "/etc/shadow",
  "/etc/gshadow",
  "/etc/sudoers",
  "/etc/sudoers.d",
];

/**
 * The sandbox every spoor unit runs in (README "Hardening"). The process runs as root with
 * an empty capability bounding set: everything it touches (cPanel's logs, the spool, the
 * config) is root-owned, so plain owner permissions suffice and no privilege can be
 * regained. The file system is read-only except `writablePaths`, and SECRET_STORES are hidden.
 *
 * `offline` units (followers) also lose the network (`PrivateNetwork=yes`, `IPAddressDeny=any`,
 * Unix sockets only) and run Node with `--jitless` so that
 * `MemoryDenyWriteExecute=yes` holds;
 * `network` units (agent, transmitter) keep the JIT, because Node's built-in fetch needs
 * WebAssembly, which `--jitless` removes. Never throws.
 *
 * @returns `[Service]` lines, `Key=value` each.
 */
export function hardeningDirectives(
  need: UnitNetworkNeed,
  writablePaths: readonly string[],
): string[] {
  return [
    "User=root",
    "CapabilityBoundingSet=",
    "AmbientCapabilities=",
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    `ReadWritePaths=${writablePaths.join(" ")}`,
    `InaccessiblePaths=${SECRET_STORES.map((path) => `-${path}`).join(" ")}`,
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "PrivateDevices=yes",
    "PrivateMounts=yes",
    ...UNIT_SANDBOX_DIRECTIVES,
    "UMask=0077",
    ...(need === "network"
      ? ["RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "MemoryDenyWriteExecute=no"]
      : [
          "PrivateNetwork=yes",
          "IPAddressDeny=any",
          "RestrictAddressFamilies=AF_UNIX",
          "MemoryDenyWriteExecute=yes",
        ]),
  ];
}
