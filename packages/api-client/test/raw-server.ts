import { once } from "node:events";
import { createServer, type Socket } from "node:net";

/** A TCP server on 127.0.0.1 that records each HTTP request's exact bytes. */
export interface RawServer {
  url: string;
  /** Complete requests (head and body), as latin1 text so every byte is visible. */
  requests: string[];
  close(): Promise<void>;
}

function complete(text: string): boolean {
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return false;
  const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text.slice(0, end + 2));
  return text.length - (end + 4) >= Number(length?.[1] ?? 0);
}

/** Starts the server; every complete request is answered with `rawResponse`. */
export async function startRawServer(rawResponse: string): Promise<RawServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      if (complete(buffered)) {
        requests.push(buffered);
        buffered = "";
        socket.write(rawResponse);
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}
