import { expect, it } from "vitest";
import { classifyStatus } from "./classify-status.js";

it("classifies statuses as contract §5 says: 202 success, 400/401/403/404/422 permanent, else retry", () => {
  const statuses = [
    202, 200, 201, 204, 301, 400, 401, 403, 404, 405, 408, 409, 413, 422, 429, 500, 502, 503,
  ];
  expect(Object.fromEntries(statuses.map((s) => [s, classifyStatus(s)]))).toStrictEqual({
    202: "success",
    200: "retry",
    201: "retry",
    204: "retry",
    301: "retry",
    400: "permanent",
    401: "permanent",
    403: "permanent",
    404: "permanent",
    405: "retry",
    408: "retry",
    409: "retry",
    413: "retry",
    422: "permanent",
    429: "retry",
    500: "retry",
    502: "retry",
    503: "retry",
  });
});
