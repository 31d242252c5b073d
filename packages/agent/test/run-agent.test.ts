import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CleanupStack, waitFor, webmailLoginLine } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createSpoolFromConfig } from "../src/create-services.js";
import { startScriptedServer } from "./helpers/scripted-server.js";
import { startAgent } from "./helpers/start-agent.js";
import { makeTempRoot } from "./helpers/temp-root.js";

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

describe("runAgent", () => {
  it("runs every configured follower and the transmitter on one spool, and stops them all", async () => {
    const api = await startScriptedServer();
    cleanups.push(() => api.close());
    const env = await makeTempRoot({ host: api.url, followers: ["login", "access"] });
    cleanups.push(env.cleanup);
    await writeFile(env.logPath("login"), "");
    await writeFile(env.logPath("access"), "");
    const agent = startAgent(env.config);
    const { captured } = agent;
    await waitFor("both followers", () =>
      ["login", "access"].every((type) =>
        captured.lines().some((l) => l.msg === "log started" && l.type === type),
      ),
    );
    await appendFile(env.logPath("login"), `${webmailLoginLine(3)}\n`);
    await waitFor("the report", () => api.requests.length === 1);
    const spool = createSpoolFromConfig(env.config);
    await waitFor(
      "the move to transmitted/",
      async () => (await spool.listTransmitted()).length === 1,
    );
    await agent.stop();
    expect(JSON.parse(api.requests[0]?.body ?? "null")).toEqual({
      report: {
        entries: [
          {
            type: "login",
            time: 1_723_831_503,
            ip: "203.0.113.3",
            mailbox_address: "user3@example.com",
            context: "mailbox",
            host: "test-host",
          },
        ],
        metadata: { reporter: "test-host" },
      },
    });
    const checkpoint = JSON.parse(
      await readFile(join(env.config.application.state_path, "login.checkpoint.json"), "utf8"),
    ) as { offset: number };
    expect(checkpoint.offset).toBe(webmailLoginLine(3).length + 1);
    const messages = captured.messages();
    expect(messages[0]).toBe("agent starting");
    expect(messages.at(-1)).toBe("agent stopped");
    expect(messages.filter((m) => m === "follower stopped")).toHaveLength(2);
    expect(messages).toContain("transmitter stopped");
  });
});
