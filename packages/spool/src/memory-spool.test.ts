import { createMemorySpool } from "./memory-spool.js";
import { runSpoolContractSuite } from "./test/index.js";

runSpoolContractSuite("createMemorySpool", async (options) => ({
  spool: createMemorySpool(options),
  cleanup: async () => undefined,
}));
