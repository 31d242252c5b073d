import { createInterface, type Interface } from "node:readline";
import type { Readable } from "node:stream";
import { inputEnded } from "./prompt-input-ended.js";

/** Lines of a non-terminal input, handed out one per call. */
export class LineQueue {
  private readonly reader: Interface;
  private readonly buffered: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private ended = false;

  constructor(input: Readable) {
    this.reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    this.reader.on("line", (line) => {
      if (this.waiting === undefined) return void this.buffered.push(line);
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(line);
    });
    this.reader.on("close", () => {
      this.ended = true;
      this.waiting?.reject(inputEnded());
      this.waiting = undefined;
    });
  }

  /** The next line. @throws UserFacingError (rejects) once the input has ended. */
  next(): Promise<string> {
    const line = this.buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.reject(inputEnded());
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Stops reading. Never throws. */
  close(): void {
    this.reader.close();
  }
}
