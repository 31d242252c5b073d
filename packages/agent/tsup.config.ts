import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// `launch` is an entry of its own: `spoor install`, the daemons' tune-v8 entry and the
// benchmarks read the launch settings without loading the agent.
const config: Options | Options[] = definePackageConfig({
  index: "src/index.ts",
  launch: "src/launch-settings.ts",
});
export default config;
