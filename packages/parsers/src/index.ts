// Placeholder: the parsers issue replaces this with the real library.
export type { EntryContext, EntryStatus, LogType, ParsedEntry } from "./entry.js";
