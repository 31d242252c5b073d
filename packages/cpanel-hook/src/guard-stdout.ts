// Imported first by hook-main.ts, so that stdout is silenced before any other module of the
// bundle is evaluated: nothing a dependency might print at load time can reach the user.
import { silenceStdout } from "./silence-stdout.js";

silenceStdout();
