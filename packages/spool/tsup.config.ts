import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

const config: Options | Options[] = definePackageConfig(
  { index: "src/index.ts", test: "src/test/index.ts" },
  { external: ["vitest"] },
);
export default config;
