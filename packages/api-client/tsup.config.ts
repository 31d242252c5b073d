import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// `loopback` is an entry of its own so that @spoor/config can apply the same http rule
// without loading node-fetch (the cPanel hook and the daemons bundle config).
const config: Options | Options[] = definePackageConfig({
  index: "src/index.ts",
  loopback: "src/loopback.ts",
});
export default config;
