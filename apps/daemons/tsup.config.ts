import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// The library entry keeps declarations; the daemon entries are executables and need none.
const config: Options[] = [
  definePackageConfig({ index: "src/index.ts" }, { clean: false }),
  definePackageConfig(
    {
      agent: "src/agent.ts",
      "access-follower": "src/access-follower.ts",
      "error-follower": "src/error-follower.ts",
      "login-follower": "src/login-follower.ts",
      "session-follower": "src/session-follower.ts",
      transmitter: "src/transmitter.ts",
      "tune-v8": "src/tune-v8.ts",
    },
    { dts: false, clean: false },
  ),
].flat();
export default config;
