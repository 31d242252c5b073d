// A real SMTP server process (smtp-server) for the email channel's tests. argv[2] is JSON:
// {tls: {certPath, keyPath} | null, secure: boolean, auth: {user, pass} | null,
//  rejectData: number | null}. Prints {"port":N} once, then {"message":{…}} per mail.
import { readFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";

const options = JSON.parse(process.argv[2] ?? "{}");
const tls = options.tls
  ? { key: readFileSync(options.tls.keyPath), cert: readFileSync(options.tls.certPath) }
  : {};
const print = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

const server = new SMTPServer({
  ...tls,
  secure: options.secure === true,
  disabledCommands: options.tls || options.secure ? [] : ["STARTTLS"],
  authOptional: !options.auth,
  authMethods: ["PLAIN", "LOGIN"],
  logger: false,
  size: 1024 * 1024,
  onAuth(auth, _session, callback) {
    if (
      options.auth &&
      auth.username === options.auth.user &&
      auth.password === options.auth.pass
    ) {
      callback(null, { user: auth.username });
    } else {
      callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    }
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      if (options.rejectData) {
        const error = new Error(
          options.rejectData >= 500 ? "mailbox unavailable" : "try again later",
        );
        callback(Object.assign(error, { responseCode: options.rejectData }));
        return;
      }
      print({
        message: {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          secure: session.secure,
          user: session.user ?? null,
          raw: Buffer.concat(chunks).toString("utf8"),
        },
      });
      callback();
    });
  },
});
server.on("error", (error) => process.stderr.write(`${error.code ?? error.message}\n`));
server.listen(0, "127.0.0.1", () => print({ port: server.server.address().port }));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
