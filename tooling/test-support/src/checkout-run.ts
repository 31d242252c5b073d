import { access, chmod, constants, mkdtemp, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join, relative, resolve } from "node:path";
import { refuseUntraversableParents } from "./traversable.js";

/** How to spawn a script of a checkout as another user: see {@link planCheckoutRun}. */
export interface CheckoutRun {
  /** What to spawn (absolute: `unshare`), with no uid/gid and any cwd. */
  command: string;
  args: string[];
  /** The checkout as the child sees it (its working directory). */
  view: string;
  /** Removes the (by then empty) view directory. */
  cleanup(): Promise<void>;
}

// $1 mount, $2 checkout, $3 view; the rest is the command. Runs inside the new namespace.
const IN_NAMESPACE = 'set -e; "$1" --bind "$2" "$3"; cd "$3"; shift 3; exec "$@"';

/**
 * Plans running `node script ...args` (`script` inside `checkout`; node is this process's
 * executable, which must be reachable by that user) as `uid:gid` when the checkout
 * may sit under a directory that user cannot traverse (a clone under /root): `unshare` gives
 * the child a private mount namespace, binds `checkout` onto a fresh 0755 temp directory
 * there, and `setpriv` drops to the user before exec'ing node on the script in that directory.
 * No real directory's mode changes and nothing is mounted in this process's namespace (the
 * bind dies with the child). Needs root (CAP_SYS_ADMIN) and util-linux.
 * @throws Error when `script` is not inside `checkout`, when unshare, mount or setpriv is
 *   missing, or naming a parent of the temp directory other users cannot traverse.
 */
export async function planCheckoutRun(
  checkout: string,
  script: string,
  args: readonly string[],
  user: { uid: number; gid: number },
): Promise<CheckoutRun> {
  const inside = relative(resolve(checkout), resolve(script));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(`${script} is not inside the checkout ${checkout}`);
  }
  const [unshare, mount, setpriv] = await Promise.all(
    ["unshare", "mount", "setpriv"].map(findExecutable),
  );
  const view = await mkdtemp(join(tmpdir(), "spoor-checkout-"));
  // rmdir, never a recursive removal: were the bind still there, it would not empty the checkout.
  const cleanup = () => rmdir(view).catch(() => undefined);
  try {
    await chmod(view, 0o755);
    await refuseUntraversableParents(view);
  } catch (error) {
    await cleanup();
    throw error;
  }
  const drop = [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--"];
  return {
    command: unshare as string,
    args: [
      ...["--mount", "--propagation", "private", "--", "/bin/sh", "-c", IN_NAMESPACE, "sh"],
      ...[mount as string, resolve(checkout), view],
      ...[setpriv as string, ...drop, process.execPath, join(view, inside), ...args],
    ],
    view,
    cleanup,
  };
}

/** The first executable `name` on this process's PATH (then /usr/bin, /bin). */
async function findExecutable(name: string): Promise<string> {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/bin"];
  for (const dir of dirs.filter(isAbsolute)) {
    const path = join(dir, name);
    if (
      await access(path, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  throw new Error(
    `${name} not found on PATH: install util-linux to run a checkout as another user`,
  );
}
