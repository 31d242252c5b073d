/** `spoor-login-follower`: follows the cPanel login log into the spool (systemd unit spoor-login-follower). */
import { daemonMain } from "./daemon-main.js";
import { followerDaemon } from "./follower-daemon.js";

await daemonMain("spoor-login-follower", followerDaemon("login"));
