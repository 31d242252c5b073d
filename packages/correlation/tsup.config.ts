import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

const config: Options | Options[] = definePackageConfig({
  index: "src/index.ts",
  memory: "src/memory.ts",
});
export default config;
