/** `spoor-session-follower`: follows the cPanel session log into the spool (systemd unit spoor-session-follower). */
import { daemonMain } from "./daemon-main.js";
import { followerDaemon } from "./follower-daemon.js";

await daemonMain("spoor-session-follower", followerDaemon("session"));
