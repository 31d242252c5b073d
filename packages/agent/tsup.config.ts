import { definePackageConfig } from "@spoor/tsup-config";

export default definePackageConfig({ index: "src/index.ts" });
