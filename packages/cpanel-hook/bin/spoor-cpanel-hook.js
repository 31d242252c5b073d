#!/usr/bin/env node
// The cPanel Standardized Hook script (see README.md). All the work is in the bundle, which
// the installer copies on its own as /usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook.
import "../dist/hook.js";
