import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

const config: Options | Options[] = definePackageConfig({ index: "src/index.ts" });
export default config;
