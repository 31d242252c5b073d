import Database from "better-sqlite3";
import { createMemoryOutbox, createSqliteOutbox } from "../src/index.js";
import { describeOutboxContract } from "./outbox-contract.js";

describeOutboxContract("memory", (options) => createMemoryOutbox(options));
describeOutboxContract("sqlite", (options) =>
  createSqliteOutbox(new Database(":memory:"), options),
);
