import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

const config: Options | Options[] = definePackageConfig({
  index: "src/index.ts",
  access: "src/access.ts",
  error: "src/error.ts",
  login: "src/login.ts",
  session: "src/session.ts",
  events: "src/events.ts",
});
export default config;
