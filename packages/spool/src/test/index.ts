export { entrySize, type ManualClock, manualClock, sampleEntry } from "./sample-entry.js";
export { runSpoolContractSuite } from "./spool-contract-suite.js";
export type { MakeSpool, SpoolTestOptions, SpoolUnderTest } from "./spool-contract-types.js";
