import { parseArgs } from "node:util";
import type { ReceiverCredential } from "./check-basic-auth.js";

/** The usage text of `spoor-receiver`. */
export const USAGE = `Usage: spoor-receiver --credentials ID:SECRET [--credentials ID:SECRET ...]
                      [--port N] [--db PATH] [--host ADDRESS] [--max-body-bytes N]

  --credentials ID:SECRET  an accepted Basic-auth pair (repeatable; at least one)
  --port N                 port to listen on (default 0: a free port)
  --db PATH                SQLite file (WAL, created 0600) or :memory: (default)
  --host ADDRESS           address to listen on (default 127.0.0.1)
  --max-body-bytes N       largest report body (default 262144)
  --help                   print this text

Prints the URL (e.g. http://127.0.0.1:43123) as the first line on stdout, then logs JSON
lines on stderr. Stops on SIGTERM or SIGINT.`;

/** The parsed command line. */
export type CliCommand =
  | { kind: "help" }
  | {
      kind: "run";
      host: string;
      port: number;
      dbPath: string;
      credentials: ReceiverCredential[];
      maxBodyBytes: number;
    };

function integer(text: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new Error(
      `${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}

function credential(text: string): ReceiverCredential {
  const colon = text.indexOf(":");
  if (colon <= 0)
    throw new Error("--credentials must look like ID:SECRET (a non-empty ID, then ':')");
  return { identifier: text.slice(0, colon), secret: text.slice(colon + 1) };
}

/**
 * Parses `spoor-receiver` arguments.
 *
 * @throws Error with a one-line message for unknown flags, missing values, a port or size out
 *   of range, or no `--credentials` (the bin prints it with the usage and exits 2).
 */
export function parseCliArgs(args: readonly string[]): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      credentials: { type: "string", multiple: true },
      port: { type: "string" },
      db: { type: "string" },
      host: { type: "string" },
      "max-body-bytes": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return { kind: "help" };
  if (positionals.length > 0)
    throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.credentials?.length) throw new Error("--credentials ID:SECRET is required");
  if (values.db === "") throw new Error("--db must not be empty");
  return {
    kind: "run",
    host: values.host ?? "127.0.0.1",
    port: integer(values.port ?? "0", "--port", 0, 65535),
    dbPath: values.db ?? ":memory:",
    credentials: values.credentials.map(credential),
    maxBodyBytes: integer(
      values["max-body-bytes"] ?? "262144",
      "--max-body-bytes",
      1,
      64 * 1024 * 1024,
    ),
  };
}
