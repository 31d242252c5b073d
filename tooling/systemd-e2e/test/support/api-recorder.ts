import { readFileSync } from "node:fs";
import { type SystemdContainer, waitUntil } from "@spoor/systemd-harness";

/** One request the recorder saw. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorized: boolean;
  idempotencyKey: string | null;
  body: unknown;
}

/** The stand-in API inside the container. */
export interface ApiRecorder {
  url: string;
  identifier: string;
  secret: string;
  requests(): Promise<RecordedRequest[]>;
}

const OUTPUT = "/root/api-requests.jsonl";

/**
 * Starts fixtures/api-recorder.mjs inside the container as the transient unit
 * `spoor-test-api.service`, on the package's own runtime (the container has no other node),
 * and waits until it accepts connections.
 * @throws CommandFailedError when it does not start.
 */
export async function startApiRecorder(container: SystemdContainer): Promise<ApiRecorder> {
  const identifier = "cp-e2e";
  const secret = "e2e-secret-for-the-recorder-0123";
  const port = 18080;
  await container.writeFile(
    "/root/api-recorder.mjs",
    readFileSync(new URL("../../fixtures/api-recorder.mjs", import.meta.url)),
  );
  await container.writeFile(OUTPUT, "");
  await container.run([
    "systemd-run",
    "--unit=spoor-test-api",
    `--setenv=CREDENTIALS=${identifier}:${secret}`,
    "/opt/spoor/runtime/bin/node",
    "/root/api-recorder.mjs",
    String(port),
    OUTPUT,
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntil("the API recorder to listen", async () => {
    const probe = await container.exec(["bash", "-c", `: >/dev/tcp/127.0.0.1/${port}`]);
    return probe.code === 0 ? true : undefined;
  });
  return {
    url,
    identifier,
    secret,
    async requests() {
      const text = await container.readFile(OUTPUT);
      return text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as RecordedRequest);
    },
  };
}
