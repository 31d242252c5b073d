import { describe, expect, it } from "vitest";
import { followerLag } from "./follower-lag.js";

const checkpoint = { path: "/l", dev: 1, ino: 2, offset: 100, updatedAt: "2026-01-01T00:00:00Z" };

describe("followerLag", () => {
  it.each([
    ["caught up", { dev: 1, ino: 2, size: 100 }, 0],
    ["behind on the same file", { dev: 1, ino: 2, size: 350 }, 250],
    ["the file shrank (truncated: all of it is unread)", { dev: 1, ino: 2, size: 40 }, 40],
    ["another file at the path (rotated: all of it is unread)", { dev: 1, ino: 3, size: 70 }, 70],
    ["no log yet", undefined, 0],
  ])("%s", (_name, file, lag) => {
    expect(followerLag(checkpoint, file)).toBe(lag);
  });

  it("is 0 without a checkpoint (a never-seen log is followed from its end)", () => {
    expect(followerLag(undefined, { dev: 1, ino: 2, size: 5000 })).toBe(0);
  });
});
