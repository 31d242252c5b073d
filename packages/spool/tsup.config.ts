import { definePackageConfig } from "@spoor/tsup-config";

export default definePackageConfig(
  { index: "src/index.ts", test: "src/test/index.ts" },
  { external: ["vitest"] },
);
