// The bench's webhook peer in its own process: answers 204 to every POST after reading it.
// Prints its port, then, on SIGTERM, how many requests it served.
import { createServer } from "node:http";

let served = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    served += 1;
    response.writeHead(204).end();
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => {
  process.stdout.write(`${served}\n`);
  process.exit(0);
});
