import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { waitFor } from "@spoor/test-support";

/** One mail as the SMTP peer received it. */
export interface ReceivedMail {
  mailFrom: string | null;
  rcptTo: string[];
  secure: boolean;
  user: string | null;
  raw: string;
}

/** Options of the peer process (see smtp-peer-process.mjs). */
export interface SmtpPeerOptions {
  tls?: { certPath: string; keyPath: string } | null;
  secure?: boolean;
  auth?: { user: string; pass: string } | null;
  rejectData?: number | null;
}

/** A real SMTP server in a child process on 127.0.0.1, port 0. */
export interface SmtpPeer {
  port: number;
  mails: ReceivedMail[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const script = fileURLToPath(new URL("./smtp-peer-process.mjs", import.meta.url));

/** Starts the peer and resolves once it listens. */
export async function startSmtpPeer(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const child: ChildProcess = spawn(process.execPath, [script, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const mails: ReceivedMail[] = [];
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`smtp peer exited with ${code}`)));
    lines.on("line", (line) => {
      const value = JSON.parse(line) as { port?: number; message?: ReceivedMail };
      if (value.port !== undefined) resolve(value.port);
      if (value.message) mails.push(value.message);
    });
  });
  return {
    port,
    mails,
    waitFor: (count, timeoutMs = 20_000) =>
      waitFor(`${count} mails at the smtp peer`, () => mails.length >= count && mails, {
        timeoutMs,
        describe: () => `got ${mails.length}`,
      }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The header block of a raw mail, unfolded, as [name, value] pairs in order. */
export function mailHeaders(raw: string): [string, string][] {
  const head = raw.split(/\r\n\r\n/)[0] ?? "";
  return head
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    });
}
