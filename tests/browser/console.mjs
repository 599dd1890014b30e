// The console in a real browser (Debian's Chromium driven by playwright-core), as a person
// does a seed's "Getting started": sign in, create an API key and read it once, call the API
// with it, add a webhook endpoint, send a test event, see a delivery in the log and resend it,
// look at usage, invite a teammate, rename the organization, read the audit log, revoke the
// key and see the API refuse it, sign out. A screenshot of each page is saved.
//
// Run by tests/api/browser.rs, which starts the server and a webhook receiver and passes:
// GABLE_URL, GABLE_EMAIL, GABLE_PASSWORD, GABLE_RECEIVER_URL, GABLE_CHROMIUM, GABLE_SCREENSHOTS.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

// axe-core checks every page against WCAG 2.1 A and AA (labels, names, contrast, landmarks…).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} is set`);
  return value;
};
const base = env("GABLE_URL");
const shots = env("GABLE_SCREENSHOTS");
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({ executablePath: env("GABLE_CHROMIUM"), args: ["--no-sandbox"] });
const problems = [];
const inaccessible = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A script or style the Content-Security-Policy blocked, or any script error, fails the test.
  // (The wrong password's answer is a 401 on purpose: the form again, with the error.)
  const expected = (text) => text.includes("status of 401");
  page.on("console", (message) => {
    if (message.type() === "error" && !expected(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  let n = 0;
  const shot = async (name) => {
    n += 1;
    // `caret: "initial"`: hiding the caret would inject a style the page's CSP (rightly) blocks.
    await page.screenshot({ path: `${shots}/${String(n).padStart(2, "0")}-${name}.png`, fullPage: true, caret: "initial" });
    await audit(name);
  };
  // Runs axe in the page (through the DevTools protocol, which the page's CSP does not govern).
  const audit = async (name) => {
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((node) => node.html),
      }));
    });
    for (const violation of violations) inaccessible.push({ page: name, ...violation });
  };
  const step = (what) => console.log(`- ${what}`);

  step("sign in");
  await page.goto(`${base}/console`);
  await shot("sign-in");
  await page.getByLabel("Email").fill(env("GABLE_EMAIL"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
  await shot("sign-in-error");
  step("sign in with the keyboard alone");
  await page.goto(`${base}/console`);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el.getAttribute("name") || el.textContent.trim();
  });
  // The Email field may start focused (autofocus); from there on, Tab moves the focus.
  const reached = [];
  for (let i = 0; i < 8 && !reached.includes("Sign in"); i++) {
    if (i > 0 || (await focused()) !== "email") await page.keyboard.press("Tab");
    const name = await focused();
    reached.push(name);
    if (name === "email") await page.keyboard.type(env("GABLE_EMAIL"));
    if (name === "password") await page.keyboard.type(env("GABLE_PASSWORD"));
  }
  const at = (name) => reached.indexOf(name);
  assert.ok(at("email") >= 0 && at("email") < at("password"), `Tab reaches Email, then Password: ${reached}`);
  assert.ok(at("password") < at("Sign in"), `then the Sign in button: ${reached}`);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/console/overview");
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await shot("overview");

  step("create the key “Postman Testing” and read it once");
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByRole("heading", { name: "Create API key" }).waitFor();
  await shot("api-keys-empty");
  await page.getByLabel("Name").fill("Postman Testing");
  await page.getByRole("checkbox", { name: /write:\*/ }).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const secret = page.locator("#new-key");
  await secret.waitFor();
  const key = await secret.inputValue();
  assert.match(key, /^gbl_live_[0-9A-Za-z]{36}$/);
  await page.getByText("Copy it now: it is only shown once.").waitFor();
  await shot("api-key-created");
  await page.reload();
  await page.getByRole("cell", { name: "Postman Testing", exact: true }).waitFor();
  assert.ok(!(await page.content()).includes(key), "the key is not shown again after a reload");
  assert.equal(await page.locator("#new-key").count(), 0);
  await page.getByText(`gbl_live_…${key.slice(-4)}`).waitFor();
  await shot("api-keys");

  step("call the API with it");
  const api = (method, path, body) => fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  assert.equal((await api("GET", "/properties")).status, 200);
  // Each product's first request: Aura's health check and /v1/leads, Aptoria's dashboard.
  assert.equal((await fetch(`${base}/health`)).status, 200);
  const v1 = await fetch(`${base}/v1/leads`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(v1.status, 200);
  assert.equal((await api("GET", "/dashboard")).status, 200);
  // Aura's step 3: the reference, the OpenAPI document and the GraphQL playground are linked.
  for (const name of ["API reference", "OpenAPI document", "GraphQL playground"]) {
    const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
    assert.equal((await fetch(`${base}${href}`)).status, 200, `${name} (${href})`);
  }

  step("the GraphQL playground: GraphiQL, the key in its Headers tab, the schema in its explorer");
  {
    const gql = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The same rule as the console's pages: nothing blocked by the CSP, no script error.
    gql.on("console", (message) => { if (message.type() === "error") problems.push(`playground: ${message.text()}`); });
    gql.on("pageerror", (error) => problems.push(`playground: ${error}`));
    // What a person types into the Headers tab, as GraphiQL keeps it (in this browser only),
    // there before the playground's scripts run.
    await gql.addInitScript((key) => {
      localStorage.setItem("graphiql:headers", JSON.stringify({ Authorization: `Bearer ${key}` }));
    }, key);
    await gql.goto(`${base}/graphql`);
    await gql.locator(".graphiql-container").waitFor();
    await gql.getByRole("button", { name: /Execute query/ }).click();
    await gql.locator(".result-window").getByText('"properties"').waitFor();
    await gql.getByRole("button", { name: /Show Documentation Explorer/ }).click();
    await gql.getByText("Root Types").waitFor();
    n += 1;
    await gql.screenshot({ path: `${shots}/${String(n).padStart(2, "0")}-graphql-playground.png`, caret: "initial" });
    await gql.close();
  }

  step("each product's path to its settings opens the same pages");
  for (const [path, heading] of [
    ["/console/settings/integrations", "API keys"], // Aura: Settings > Integrations
    ["/console/settings/developer", "API keys"], // Aptoria: Settings → Developer
    ["/console/admin/webhooks", "Webhooks"], // Aureum: Admin → Webhooks
  ]) {
    await page.goto(`${base}${path}`);
    await page.getByRole("heading", { name: heading, exact: true }).waitFor();
  }
  await page.goto(`${base}/console/settings/developer/keys`);

  step("add a webhook endpoint and send a test event");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByText("No endpoints yet").waitFor();
  await page.getByLabel("Endpoint URL").fill(env("GABLE_RECEIVER_URL"));
  await page.getByLabel("Description").fill("Local receiver");
  await shot("webhooks-new");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.locator("#signing-secret").waitFor();
  assert.match(await page.locator("#signing-secret").inputValue(), /^whsec_/);
  await shot("webhook-created");
  await page.getByRole("button", { name: "Send test event" }).click();
  await page.getByText("Test event delivered: HTTP 200").waitFor();
  await shot("webhook-test-event");

  step("an event from the API is delivered and shows in the log");
  const created = await api("POST", "/properties",
    { title: "Browser Test House", address: "1 Chromium Way", city: "Austin", state: "TX" });
  assert.equal(created.status, 201);
  const logged = page.getByRole("link", { name: "property.created" });
  for (let i = 0; i < 50 && (await logged.count()) === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page.reload();
  }
  await logged.first().waitFor();
  await page.getByRole("cell", { name: "succeeded" }).first().waitFor();
  await shot("delivery-log");
  await logged.first().click();
  await page.getByRole("heading", { name: "Attempts" }).waitFor();
  await shot("delivery");
  await page.getByRole("button", { name: "Resend" }).click();
  await page.getByText("Sent again").waitFor();
  await shot("delivery-resent");

  step("the events page and the catalog");
  await page.getByRole("link", { name: "Events" }).click();
  await page.getByText("property.created").first().waitFor();
  await shot("events");
  await page.getByRole("link", { name: "The event catalog" }).click();
  await page.getByRole("heading", { name: "Event catalog" }).waitFor();
  await page.getByRole("table", { name: "Fields of rent.late data" }).waitFor();
  await shot("event-catalog");

  step("usage, the team, the organization and the audit log");
  await page.getByRole("link", { name: "Usage" }).click();
  await page.getByRole("heading", { name: "Requests per day" }).waitFor();
  await shot("usage");
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Email").fill("new.agent@test-realty.example");
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText("Invitation sent to new.agent@test-realty.example").waitFor();
  await shot("team");
  await page.getByRole("link", { name: "Organization" }).click();
  await page.getByLabel("Name").fill("Test Realty West");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved.").waitFor();
  await shot("organization");
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("cell", { name: "member.invited" }).waitFor();
  await shot("audit-log");

  step("revoke the key; the API refuses it");
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByRole("link", { name: "Revoke Postman Testing" }).click();
  await page.getByRole("heading", { name: "Revoke “Postman Testing”?" }).waitFor();
  await shot("revoke-confirm");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await page.getByText("Revoked").waitFor();
  await shot("api-key-revoked");
  const refused = await api("GET", "/properties");
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).code, "API_KEY_REVOKED");

  step("sign out");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await page.goto(`${base}/console/settings/developer/keys`);
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await shot("signed-out");

  assert.deepEqual(problems, [], "no script errors or blocked resources");
  assert.deepEqual(inaccessible, [], "every page passes axe's WCAG 2.1 A and AA rules");
  console.log(`screenshots: ${shots}`);
} finally {
  await browser.close();
}
