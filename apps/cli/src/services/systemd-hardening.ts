/** What a unit's process needs from the system: the network, or only local files. */
export type UnitNetworkNeed = "network" | "offline";

/**
 * The sandbox every spoor unit runs in (README "Hardening"). The process runs as root with
 * an empty capability bounding set: everything it touches (cPanel's logs, the spool, the
 * config) is root-owned, so plain owner permissions suffice and no privilege can be
 * regained. The file system is read-only except `writablePaths`.
 *
 * `offline` units (followers) also lose the network (`PrivateNetwork=yes`, `IPAddressDeny=any`,
 * Unix sockets only) and run Node with `--jitless --no-expose-wasm` so that
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
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "PrivateDevices=yes",
    "PrivateMounts=yes",
    "ProtectKernelTunables=yes",
    "ProtectKernelModules=yes",
    "ProtectKernelLogs=yes",
    "ProtectControlGroups=yes",
    "ProtectClock=yes",
    "ProtectHostname=yes",
    "ProtectProc=invisible",
    "ProcSubset=pid",
    "RestrictNamespaces=yes",
    "LockPersonality=yes",
    "RestrictRealtime=yes",
    "RestrictSUIDSGID=yes",
    "RemoveIPC=yes",
    "KeyringMode=private",
    "SystemCallArchitectures=native",
    "SystemCallFilter=@system-service",
    "SystemCallFilter=~@privileged",
    "SystemCallErrorNumber=EPERM",
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
