import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rejectionOf, waitFor } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type CommandChannelConfig,
  createCommandChannel,
  NotifyConfigError,
  NotifyDeliveryError,
} from "../src/index.js";
import { alertMessage, channelBase, makeAlert } from "./alert-fixture.js";

const message = alertMessage("5b0f4f1e-0000-4000-8000-000000000003", "raised");
const context = { publicUrl: "https://spoor.example.net", signal: new AbortController().signal };

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "notify-command-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function script(body: string, mode = 0o700): string {
  const path = join(directory, "spoor-alert");
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

function config(path: string, overrides: Partial<CommandChannelConfig> = {}): CommandChannelConfig {
  return {
    type: "command",
    ...channelBase("pager"),
    path,
    args: [],
    ...overrides,
  };
}

describe("command channel", () => {
  it("runs the executable without a shell, the alert JSON on stdin and a minimal environment", async () => {
    const path = script(`cat > "$1/stdin.json"; env > "$1/env.txt"; pwd > "$1/cwd.txt"; echo done`);
    const channel = createCommandChannel(config(path, { args: [directory] }));
    await channel.send(message, context);
    const stdin = JSON.parse(readFileSync(join(directory, "stdin.json"), "utf8"));
    expect(stdin).toEqual({
      ...makeAlert(),
      reason: "raised",
      delivery_id: "5b0f4f1e-0000-4000-8000-000000000003",
      console_url: "https://spoor.example.net/alerts/17",
      text: expect.stringMatching(
        /^\[spoor\] HIGH takeover-sequence alert 17 raised to high: alice@/,
      ),
    });
    const env = readFileSync(join(directory, "env.txt"), "utf8").trim().split("\n").sort();
    expect(
      env.filter(
        (line) => !line.startsWith("PWD=") && !line.startsWith("SHLVL=") && !line.startsWith("_="),
      ),
    ).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "SPOOR_DELIVERY_ID=5b0f4f1e-0000-4000-8000-000000000003",
      "SPOOR_REASON=raised",
    ]);
    expect(readFileSync(join(directory, "cwd.txt"), "utf8")).toBe("/\n");
  });

  it("counts a non-zero exit as retryable and never repeats its output", async () => {
    const path = script("cat > /dev/null; echo 'api_secret=hunter2'; echo oops >&2; exit 3");
    const error = await rejectionOf(
      createCommandChannel(config(path)).send(message, context),
      NotifyDeliveryError,
    );
    expect([error.message, error.permanent]).toEqual([
      "command exit code 3, 24 bytes of output",
      false,
    ]);
  });

  it("kills the command's whole process group at the timeout", async () => {
    const path = script(`sleep 30 & echo $! > "$1/child.pid"; wait`);
    const channel = createCommandChannel(config(path, { args: [directory], timeout_ms: 1500 }));
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    expect(error.message).toBe("command killed after 1500 ms, 0 bytes of output");
    const child = Number(readFileSync(join(directory, "child.pid"), "utf8"));
    await waitFor("the background child to be gone", () => {
      try {
        process.kill(child, 0);
        return false;
      } catch {
        return true;
      }
    });
  });

  it("refuses an executable that is a symlink, writable by others, or missing", () => {
    const path = script("exit 0", 0o772);
    expect(() => createCommandChannel(config(path))).toThrow(
      new NotifyConfigError("pager.path", `${path} is writable by group or others (chmod go-w)`),
    );
    chmodSync(path, 0o700);
    const link = join(directory, "link");
    symlinkSync(path, link);
    expect(() => createCommandChannel(config(link))).toThrow(`${link} is a symlink`);
    expect(() => createCommandChannel(config(join(directory, "none")))).toThrow(
      "cannot be used (ENOENT)",
    );
    chmodSync(path, 0o600);
    expect(() => createCommandChannel(config(path))).toThrow("is not executable by this user");
  });
});
