import { ChildGroup } from "../../src/services/child-processes.js";
import { packageBin } from "../../src/services/package-directory.js";

/** A real receiver (in-memory SQLite) for a test. */
export interface TestReceiver {
  url: string;
  identifier: string;
  secret: string;
  stop(): Promise<void>;
}

/** Starts `spoor-receiver --port 0 --db :memory:` with one credential pair. */
export async function startReceiver(identifier: string, secret: string): Promise<TestReceiver> {
  const group = new ChildGroup();
  const receiver = group.start("receiver", [
    process.execPath,
    packageBin("@spoor/receiver", "spoor-receiver"),
    ...["--port", "0", "--db", ":memory:", "--credentials", `${identifier}:${secret}`],
  ]);
  const url = await receiver.waitForLine((line) => line.startsWith("http://"), 20_000);
  return {
    url,
    identifier,
    secret,
    async stop() {
      await group.stopAll();
      group.dispose();
    },
  };
}
