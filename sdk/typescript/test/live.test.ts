// The SDK against a live `gable serve --demo`: sdk/test.sh starts one and sets GABLE_API_URL and
// GABLE_API_KEY. That server allows each key two AI requests an hour, and webhooks to loopback.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import {
  ConflictError,
  Gable,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  verifyWebhook,
  type SignatureScheme,
} from "../src/index.js";
import { peer, rejection } from "./peer.js";

const baseUrl = process.env.GABLE_API_URL ?? "";
const demoKey = process.env.GABLE_API_KEY ?? "";
const live = { skip: baseUrl && demoKey ? false : "set GABLE_API_URL and GABLE_API_KEY (sdk/test.sh does)" };

/** A client with a key of its own, so this suite's rate limits are its own. */
let gable: Gable;
before(async () => {
  if (live.skip) return;
  const admin = new Gable({ apiKey: demoKey, baseUrl });
  const created = await admin.post("/api/keys", { body: { name: "TypeScript SDK tests" } });
  assert.match(created.key, /^gbl_live_/);
  gable = new Gable({ apiKey: created.key, baseUrl });
});

const house = (title: string) => ({ title, address: "12 Harbor Way", city: "Santa Cruz", state: "CA", price: 750000 });

test("create, get, update and delete a property", live, async () => {
  const created = await gable.post("/api/properties", { body: house("TypeScript SDK house") });
  assert.match(created.id, /^prop_/);
  assert.equal(created.title, "TypeScript SDK house");
  const path = { id: created.id };

  assert.deepEqual(await gable.get("/api/properties/{id}", { params: { path } }), created);

  const updated = await gable.patch("/api/properties/{id}", { params: { path }, body: { price: 799000, status: "PENDING" } });
  assert.equal(updated.price, 799000);
  assert.equal(updated.status, "PENDING");

  await gable.delete("/api/properties/{id}", { params: { path } });
  const error = await rejection(gable.get("/api/properties/{id}", { params: { path } }));
  assert.ok(error instanceof NotFoundError, String(error));
  assert.equal(error.status, 404);
  assert.equal(error.code, "NOT_FOUND");
  assert.match(error.requestId ?? "", /^req_/);
});

test("paginate follows the Link header across pages", live, async () => {
  for (let i = 0; i < 5; i++) {
    await gable.post("/api/contacts", { body: { firstName: "Pager", lastName: `${i}`, email: `pager${i}@example.com` } });
  }
  const all = await gable.get("/api/contacts", { params: { query: { limit: 100 } } });
  assert.ok(all.length >= 5 && all.length < 100);

  const seen: string[] = [];
  for await (const contact of gable.paginate("/api/contacts", { params: { query: { limit: 2 } } })) seen.push(contact.id);
  assert.deepEqual(seen, all.map((contact) => contact.id), "every contact once, newest first");
});

test("a refused body is an InvalidRequestError naming the field", live, async () => {
  const error = await rejection(gable.post("/api/properties", { body: house("") }));
  assert.ok(error instanceof InvalidRequestError, String(error));
  assert.equal(error.status, 400);
  assert.equal(error.field, "title");
  assert.match(error.requestId ?? "", /^req_/);
});

test("a stored state refusing a change is a ConflictError", live, async () => {
  const [vendor] = await gable.get("/api/vendors", { params: { query: { limit: 1 } } });
  const [property] = await gable.get("/api/properties", { params: { query: { limit: 1 } } });
  assert.ok(vendor && property, "the demo has a vendor and a property");
  const order = await gable.post("/api/work-orders", {
    body: { title: "SDK leak", vendor_id: vendor.id, property_id: property.id },
  });
  const path = { id: order.id };
  await gable.post("/api/work-orders/{id}/complete", { params: { path }, body: {} });
  const error = await rejection(gable.post("/api/work-orders/{id}/complete", { params: { path }, body: {} }));
  assert.ok(error instanceof ConflictError, String(error));
  assert.equal(error.status, 409);
});

test("a 429 too long to wait for is a RateLimitError with Retry-After", live, async () => {
  const [vendor] = await gable.get("/api/vendors", { params: { query: { limit: 1 } } });
  assert.ok(vendor);
  const summarize = () => gable.post("/api/ai-vendor-summary", { body: { vendor_id: vendor.id } });
  await summarize();
  await summarize();
  const started = Date.now();
  const error = await rejection(summarize());
  assert.ok(error instanceof RateLimitError, String(error));
  assert.equal(error.status, 429);
  assert.equal(error.code, "RATE_LIMITED");
  assert.ok((error.retryAfter ?? 0) > 60, `Retry-After ${error.retryAfter}`);
  assert.ok(Date.now() - started < 5000, "a wait longer than maxRetryWait is not slept through");
});

test("an Idempotency-Key replays the first answer", live, async () => {
  const headers = { "Idempotency-Key": `typescript-${Date.now()}` };
  const first = await gable.post("/api/properties", { body: house("Idempotent house"), headers });
  const again = await gable.post("/api/properties", { body: house("Idempotent house"), headers });
  assert.equal(again.id, first.id);
});

test("a delivery in each signature scheme verifies with the endpoint's secret", live, async () => {
  const receiver = await peer(() => [204, {}]);
  const schemes: SignatureScheme[] = ["standard-webhooks", "hmac-sha256-hex", "hmac-sha256-timestamped"];
  const endpoints = [];
  try {
    for (const scheme of schemes) {
      const body = { url: `${receiver.url}/${scheme}`, events: ["property.created" as const], signatureScheme: scheme };
      endpoints.push(await gable.post("/api/webhooks", { body }));
    }
    const property = await gable.post("/api/properties", { body: house("Webhook house") });
    const deadline = Date.now() + 20_000;
    while (receiver.received.length < schemes.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const [i, scheme] of schemes.entries()) {
      const delivery = receiver.received.find((each) => each.url === `/${scheme}`);
      assert.ok(delivery, `no ${scheme} delivery within 20 s`);
      const secret = endpoints[i]?.secret ?? "";
      const event = verifyWebhook(delivery.body, delivery.headers, secret, { scheme }) as {
        event: string;
        data: { id: string };
      };
      assert.equal(event.event, "property.created");
      assert.equal(event.data.id, property.id);
      const other = endpoints[(i + 1) % schemes.length]?.secret ?? "";
      assert.throws(() => verifyWebhook(delivery.body, delivery.headers, other, { scheme }));
    }
  } finally {
    receiver.close();
    for (const endpoint of endpoints) await gable.delete("/api/webhooks/{id}", { params: { path: { id: endpoint.id } } });
  }
});

test("events() streams what commits, resuming after an event", live, async () => {
  const first = await gable.post("/api/leads", { body: { name: "Streamed first" } });
  const [created] = await gable.get("/api/events", { params: { query: { type: "lead.created", limit: 1 } } });
  assert.ok(created);
  const second = await gable.post("/api/leads", { body: { name: "Streamed second" } });
  const seen = [];
  for await (const event of gable.events({ types: ["lead.created"], lastEventId: created.id })) {
    seen.push(event);
    break;
  }
  assert.equal(seen[0]?.event, "lead.created");
  assert.equal(seen[0]?.data.id, second.id, `after ${first.id}'s event comes ${second.id}'s`);
});
