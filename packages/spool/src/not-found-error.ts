/** An error shaped like fs's ENOENT, for a spool file that is not (or no longer) there. */
export function notFoundError(where: string, name: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no spool file ${name} in ${where}`), {
    code: "ENOENT",
  });
}
