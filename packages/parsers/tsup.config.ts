import { definePackageConfig } from "@spoor/tsup-config";

export default definePackageConfig({
  index: "src/index.ts",
  access: "src/access.ts",
  error: "src/error.ts",
  login: "src/login.ts",
  session: "src/session.ts",
});
