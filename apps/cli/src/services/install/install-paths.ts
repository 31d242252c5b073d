import { join } from "node:path";
import { resolveDefaults } from "@spoor/config";

/** Where `spoor install` puts things, relocated under a root ("/" on a live server). */
export interface InstallPaths {
  /** The absolute root. */
  root: string;
  configPath: string;
  configDirectory: string;
  /** `var/lib/spoor`: the parent of the spool and state directories. */
  stateDirectory: string;
  unitDirectory: string;
  /** Where `systemctl enable` links units wanted at boot. */
  wantsDirectory: string;
  /** The hook script, where cPanel's documentation says third-party hooks live. */
  hookPath: string;
  /** cPanel's tweak settings (`log_successful_logins`). */
  cpanelConfigPath: string;
  /** cPanel's hook registry: `<category>/<event>.yaml`. */
  hookRegistryDirectory: string;
  /** The Perl original's hook module (`manage_hooks add module SpoorForwardHook`). */
  legacyHookModulePath: string;
}

/** The cPanel tools the printed (or `--enable`d) steps run; always the live system's. */
export const CPANEL_TOOLS = {
  manageHooks: "/usr/local/cpanel/bin/manage_hooks",
  whmapi1: "/usr/local/cpanel/bin/whmapi1",
} as const;

/** The install paths under `root` (default "/"; relative roots resolve). Never throws. */
export function installPaths(root = "/"): InstallPaths {
  const defaults = resolveDefaults(root);
  const base = defaults.root;
  const unitDirectory = join(base, "etc/systemd/system");
  return {
    root: base,
    configPath: defaults.configPath,
    configDirectory: join(base, "etc/spoor"),
    stateDirectory: join(base, "var/lib/spoor"),
    unitDirectory,
    wantsDirectory: join(unitDirectory, "multi-user.target.wants"),
    hookPath: join(base, "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
    cpanelConfigPath: join(base, "var/cpanel/cpanel.config"),
    hookRegistryDirectory: join(base, "var/cpanel/hooks/data"),
    legacyHookModulePath: join(base, "var/cpanel/perl5/lib/SpoorForwardHook.pm"),
  };
}
