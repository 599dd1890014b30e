// verifyWebhook against the shared test vectors (sdk/webhook-test-vectors.json), which the
// server's signer reproduces in its own tests.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { verifyWebhook, WebhookVerificationError, type SignatureScheme } from "../src/index.js";

interface Vector {
  name: string;
  scheme: SignatureScheme;
  header?: string;
  secrets: string[];
  timestamp: number;
  body: string;
  headers: Record<string, string>;
}
const vectors: { cases: Vector[] } = JSON.parse(
  readFileSync(new URL("../../../webhook-test-vectors.json", import.meta.url), "utf8"),
);
const stranger = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

for (const vector of vectors.cases) {
  const options = { scheme: vector.scheme, header: vector.header, now: vector.timestamp };

  test(`${vector.name}: accepted with any of its secrets`, () => {
    const event = verifyWebhook(vector.body, vector.headers, vector.secrets, options);
    assert.deepEqual(event, JSON.parse(vector.body));
    for (const secret of vector.secrets) {
      assert.deepEqual(verifyWebhook(Buffer.from(vector.body), new Headers(vector.headers), secret, options), event);
    }
  });

  test(`${vector.name}: refused with a changed body or another secret`, () => {
    const changed = vector.body.replace("}", " }");
    assert.throws(() => verifyWebhook(changed, vector.headers, vector.secrets, options), WebhookVerificationError);
    assert.throws(() => verifyWebhook(vector.body, vector.headers, stranger, options), WebhookVerificationError);
  });

  // hmac-sha256-hex signs the body alone: it has no timestamp to check.
  if (vector.scheme !== "hmac-sha256-hex") {
    test(`${vector.name}: refused outside the five minutes`, () => {
      for (const now of [vector.timestamp + 301, vector.timestamp - 301]) {
        assert.throws(() => verifyWebhook(vector.body, vector.headers, vector.secrets, { ...options, now }), {
          name: "WebhookVerificationError",
          message: /timestamp/,
        });
      }
      const now = vector.timestamp + 300;
      assert.doesNotThrow(() => verifyWebhook(vector.body, vector.headers, vector.secrets, { ...options, now }));
    });
  }
}

test("a missing signature header is refused", () => {
  const secret = vectors.cases[0]?.secrets[0] ?? stranger;
  assert.throws(() => verifyWebhook("{}", {}, secret), WebhookVerificationError);
  assert.throws(() => verifyWebhook("{}", {}, secret, { scheme: "hmac-sha256-hex" }), WebhookVerificationError);
});
