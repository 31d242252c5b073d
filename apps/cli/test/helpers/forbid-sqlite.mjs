// Loaded with `node --import`: any attempt to load a SQLite driver fails loudly, so a command
// that passes under it never needed one.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (/^(better-sqlite3|node:sqlite)$/.test(specifier) || /better-sqlite3/.test(specifier)) {
    throw new Error("spoor loaded a SQLite driver: " + specifier);
  }
  return next(specifier, context);
}`)}`,
);
