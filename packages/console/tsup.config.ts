import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// The Node entry only (the loader); scripts/build-assets.js bundles the browser code.
const config: Options | Options[] = definePackageConfig({ index: "src/index.ts" });
export default config;
