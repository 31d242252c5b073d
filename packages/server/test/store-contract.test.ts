import { openServerStore } from "../src/index.js";
import { usePostgres } from "./postgres-fixture.js";
import { describeStoreContract } from "./store-contract.js";

const channels = [{ name: "hook", min_severity: "medium" as const }];

describeStoreContract("sqlite", () => openServerStore(":memory:", { channels }));

const postgres = usePostgres();
describeStoreContract("postgres", async () => {
  await postgres.empty();
  return openServerStore(postgres.url(), { channels });
});
