import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// `loopback` is an entry of its own so that @spoor/config can apply the same http rule
// without loading node-fetch (the cPanel hook and the daemons bundle config).
// The alert's wire shape comes type-only from @spoor/correlation (a devDependency): its
// declarations are inlined, so neither the code nor the types of this package need the
// server's packages at run time.
const config: Options | Options[] = definePackageConfig(
  {
    index: "src/index.ts",
    loopback: "src/loopback.ts",
  },
  { dts: { resolve: ["@spoor/correlation"] } },
);
export default config;
