import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A throwaway certificate for 127.0.0.1/localhost, made with the openssl CLI. */
export interface TestCertificate {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

/**
 * Writes `<name>-cert.pem` and `<name>-key.pem` (a self-signed certificate for 127.0.0.1 and
 * localhost, valid two days) into `directory` with the openssl CLI.
 * @throws Error when openssl is missing or fails.
 */
export function makeCertificate(directory: string, name = "peer"): TestCertificate {
  const certPath = join(directory, `${name}-cert.pem`);
  const keyPath = join(directory, `${name}-key.pem`);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ],
    { stdio: "ignore" },
  );
  return {
    certPath,
    keyPath,
    cert: readFileSync(certPath, "utf8"),
    key: readFileSync(keyPath, "utf8"),
  };
}
