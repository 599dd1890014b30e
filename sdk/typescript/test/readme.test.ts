// The README's example is test/readme-example.ts, word for word (but for the import path): tsc
// type-checks it against the document's types, and this runs it against the live server.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const live = { skip: process.env.GABLE_API_URL && process.env.GABLE_API_KEY ? false : "needs a live server (sdk/test.sh)" };
const source = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

test("the README's example is test/readme-example.ts", () => {
  const readme = /```ts\n([\s\S]*?)```/.exec(source("../../README.md"))?.[1];
  const example = source("../../test/readme-example.ts").replace('"../src/index.js"', '"@gable/sdk"');
  assert.equal(readme, example);
});

test("the README's example runs", live, async () => {
  const printed: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args);
  try {
    await import("./readme-example.js");
  } finally {
    console.log = log;
  }
  assert.match(String(printed[0]?.[0]), /^lead_/);
  assert.ok(printed.length > 2, "the lead, active properties and the 404");
  assert.deepEqual(printed.at(-1)?.slice(0, 1), ["NOT_FOUND"]);
});
