import { readFileSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { dirname, resolve } from "node:path";

/** Directories of the operating system that hold far more than spoor's files. */
const SYSTEM_DIRECTORIES = new Set([
  "/",
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/home",
  "/lib",
  "/lib64",
  "/media",
  "/mnt",
  "/opt",
  "/proc",
  "/root",
  "/run",
  "/sbin",
  "/srv",
  "/sys",
  "/tmp",
  "/usr",
  "/usr/local",
  "/usr/local/cpanel",
  "/var",
  "/var/lib",
  "/var/log",
  "/var/tmp",
]);

/**
 * Why `path` is a directory spoor did not create and whose owner or mode it must never
 * suggest changing: a system directory (`/`, `/etc`, `/tmp`, …), a sticky directory shared by
 * every user, or someone's home directory. Undefined for any other directory. Never throws.
 */
export function sharedDirectoryReason(path: string, stats?: Stats): string | undefined {
  const directory = resolve(path);
  if (SYSTEM_DIRECTORIES.has(directory)) return "a system directory";
  if (stats !== undefined && (stats.mode & 0o1000) !== 0) {
    return "shared by every user: sticky bit";
  }
  if (dirname(directory) === "/home" || homeDirectories().has(directory)) {
    return "a home directory";
  }
  return undefined;
}

function homeDirectories(): Set<string> {
  const homes = new Set<string>();
  try {
    homes.add(resolve(homedir()));
  } catch {
    // no home for this user: nothing to add
  }
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8").slice(0, 1024 * 1024);
  } catch {
    return homes;
  }
  for (const line of passwd.split("\n")) {
    const home = line.split(":")[5];
    if (home?.startsWith("/") && home !== "/") homes.add(resolve(home));
  }
  return homes;
}
