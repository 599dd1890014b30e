// Retries and idempotency keys, against a local HTTP peer that answers 429 first.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Gable, RateLimitError } from "../src/index.js";
import { peer, rejection } from "./peer.js";

const limited: [number, Record<string, string>, unknown] = [
  429,
  { "retry-after": "1", "x-request-id": "req_1" },
  { success: false, error: "Rate limit exceeded", code: "RATE_LIMITED", requestId: "req_1" },
];
const house = { title: "A", address: "1 Main", city: "X", state: "CA" };

test("a 429 is retried after Retry-After, with the same Idempotency-Key", async () => {
  const server = await peer((_, index) => (index === 0 ? limited : [201, {}, { id: "prop_1" }]));
  try {
    const gable = new Gable({ apiKey: "gbl_live_test", baseUrl: server.url });
    const property = await gable.post("/api/properties", { body: house });
    assert.deepEqual(property, { id: "prop_1" });
    assert.equal(server.received.length, 2);
    const [first, second] = server.received;
    assert.ok(first && second);
    assert.match(String(first.headers["idempotency-key"]), /^[0-9a-f-]{36}$/);
    assert.equal(second.headers["idempotency-key"], first.headers["idempotency-key"]);
    assert.deepEqual(JSON.parse(second.body.toString()), house);
    assert.equal(first.headers.authorization, "Bearer gbl_live_test");
    assert.ok(second.at - first.at >= 950, `waited ${second.at - first.at} ms`);
  } finally {
    server.close();
  }
});

test("retries stop at maxRetries and surface a RateLimitError", async () => {
  const server = await peer(() => limited);
  try {
    const gable = new Gable({ apiKey: "gbl_live_test", baseUrl: server.url, maxRetries: 1 });
    const error = await rejection(gable.get("/api/properties"));
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.code, "RATE_LIMITED");
    assert.equal(error.retryAfter, 1);
    assert.equal(error.requestId, "req_1");
    assert.equal(server.received.length, 2);
    assert.equal(server.received[0]?.headers["idempotency-key"], undefined, "only POSTs get a key");
  } finally {
    server.close();
  }
});

test("a given Idempotency-Key is kept", async () => {
  const server = await peer(() => [201, {}, { id: "prop_1" }]);
  try {
    const gable = new Gable({ apiKey: "gbl_live_test", baseUrl: server.url });
    await gable.post("/api/properties", { body: house, headers: { "Idempotency-Key": "mine" } });
    assert.equal(server.received[0]?.headers["idempotency-key"], "mine");
  } finally {
    server.close();
  }
});
