import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { NotifyConfigError } from "./notify-config-error.js";

/**
 * The CAs a channel trusts: the system's, plus the PEM bundle at `path` when given.
 * @throws NotifyConfigError naming `<channel>.ca_file` when the file cannot be read or holds
 *   no certificate
 */
export function readCaFile(channel: string, path: string | undefined): string[] | undefined {
  if (path === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an error";
    throw new NotifyConfigError(`${channel}.ca_file`, `cannot be read (${code})`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new NotifyConfigError(`${channel}.ca_file`, "holds no PEM certificate");
  }
  return [...rootCertificates, pem];
}
