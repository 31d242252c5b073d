import { makeTempSpoolPaths } from "../test/temp-spool.js";
import { createFileSpool } from "./file-spool.js";
import { runSpoolContractSuite } from "./test/index.js";

runSpoolContractSuite("createFileSpool", async (options) => {
  const { paths, cleanup } = await makeTempSpoolPaths();
  return { spool: createFileSpool({ ...options, paths }), cleanup };
});
