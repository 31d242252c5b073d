import { onTestFinished } from "vitest";
import type { SpoolLimits, SpoolStore } from "../spool-types.js";
import { type ManualClock, manualClock } from "./sample-entry.js";
import type { MakeSpool } from "./spool-contract-types.js";

/** A fresh spool with a manual clock, disposed of when the current test finishes. */
export async function openSpool(
  makeSpool: MakeSpool,
  limits: Omit<SpoolLimits, "now"> = {},
): Promise<{ spool: SpoolStore; clock: ManualClock }> {
  const clock = manualClock();
  const { spool, cleanup } = await makeSpool({ ...limits, now: clock.now });
  onTestFinished(cleanup);
  return { spool, clock };
}
