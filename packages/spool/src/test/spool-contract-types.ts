import type { SpoolLimits, SpoolStore } from "../spool-types.js";

/** What the contract suite asks a factory for: limits and a clock. */
export type SpoolTestOptions = SpoolLimits & { now: () => number };

/** A spool under test and how to dispose of it. */
export interface SpoolUnderTest {
  spool: SpoolStore;
  cleanup(): Promise<void>;
}

/** Makes a fresh, empty spool for one test. */
export type MakeSpool = (options: SpoolTestOptions) => Promise<SpoolUnderTest>;
