import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

const config: Options | Options[] = definePackageConfig({
  index: "src/index.ts",
  cli: "src/cli.ts",
});
export default config;
