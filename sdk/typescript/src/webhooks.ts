import { createHmac, timingSafeEqual } from "node:crypto";

/** The three ways Gable signs a delivery (an endpoint's `signatureScheme`). */
export type SignatureScheme = "standard-webhooks" | "hmac-sha256-hex" | "hmac-sha256-timestamped";

export interface VerifyOptions {
  /** Default `standard-webhooks`. */
  scheme?: SignatureScheme;
  /** The two HMAC schemes' header (the endpoint's `signatureHeader`); default `X-Gable-Signature`. */
  header?: string;
  /** Refuse timestamps further than this from now, in seconds; default 300. */
  toleranceSeconds?: number;
  /** Now, in Unix seconds (for tests); default the clock. */
  now?: number;
}

/** Headers as `fetch`, Node's `http` or a plain object give them. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

/** The delivery is not signed by any of the secrets, or its timestamp is too far from now. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/**
 * Checks a delivery's signature against the raw body, as received, and returns the parsed event.
 * `secret` is the endpoint's `whsec_…` secret, or several (say, during a rotation): a delivery
 * signed by any of them is accepted. Throws `WebhookVerificationError` otherwise.
 */
export function verifyWebhook(
  payload: string | Uint8Array,
  headers: HeadersLike,
  secret: string | readonly string[],
  options: VerifyOptions = {},
): unknown {
  const body = typeof payload === "string" ? Buffer.from(payload, "utf8") : Buffer.from(payload);
  const secrets = typeof secret === "string" ? [secret] : [...secret];
  if (secrets.length === 0) throw new TypeError("verifyWebhook: no secret");
  const now = options.now ?? Date.now() / 1000;
  const tolerance = options.toleranceSeconds ?? 300;
  const fresh = (timestamp: string | undefined): void => {
    const seconds = Number(timestamp);
    if (timestamp === undefined || !/^\d+$/.test(timestamp) || !Number.isSafeInteger(seconds)) {
      throw new WebhookVerificationError("missing or malformed timestamp");
    }
    if (Math.abs(now - seconds) > tolerance) throw new WebhookVerificationError("timestamp outside the tolerance");
  };
  const scheme = options.scheme ?? "standard-webhooks";
  let verified: boolean;
  switch (scheme) {
    case "standard-webhooks": {
      const id = headerValue(headers, "webhook-id");
      const timestamp = headerValue(headers, "webhook-timestamp");
      const signatures = headerValue(headers, "webhook-signature");
      if (id === undefined || signatures === undefined) throw new WebhookVerificationError("missing webhook headers");
      fresh(timestamp);
      const given = signatures
        .split(" ")
        .filter((entry) => entry.startsWith("v1,"))
        .map((entry) => entry.slice(3));
      verified = secrets.some((each) => {
        const key = Buffer.from(each.replace(/^whsec_/, ""), "base64");
        const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, "utf8"), body]);
        const expected = createHmac("sha256", key).update(signed).digest("base64");
        return given.some((signature) => same(signature, expected));
      });
      break;
    }
    case "hmac-sha256-hex": {
      const given = signatureHeaders(headers, options.header);
      verified = secrets.some((each) => {
        const expected = createHmac("sha256", each).update(body).digest("hex");
        return given.some((signature) => same(signature.toLowerCase(), expected));
      });
      break;
    }
    case "hmac-sha256-timestamped": {
      const given = signatureHeaders(headers, options.header).map(parseTimestamped);
      verified = given.some(({ t, v1 }) => {
        if (t === undefined || v1 === undefined) return false;
        fresh(t);
        const signed = Buffer.concat([Buffer.from(`${t}.`, "utf8"), body]);
        return secrets.some((each) => same(v1.toLowerCase(), createHmac("sha256", each).update(signed).digest("hex")));
      });
      break;
    }
    default:
      throw new TypeError(`verifyWebhook: unknown scheme ${String(scheme)}`);
  }
  if (!verified) throw new WebhookVerificationError("no signature matches");
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new WebhookVerificationError("the body is not JSON");
  }
}

/** The HMAC schemes' header and, during a rotation, the same name with `-Previous` appended. */
function signatureHeaders(headers: HeadersLike, name = "X-Gable-Signature"): string[] {
  const values = [headerValue(headers, name), headerValue(headers, `${name}-Previous`)].filter(
    (value): value is string => value !== undefined,
  );
  if (values.length === 0) throw new WebhookVerificationError(`missing ${name} header`);
  return values;
}

function parseTimestamped(value: string): { t?: string; v1?: string } {
  const parts: { t?: string; v1?: string } = {};
  for (const item of value.split(",")) {
    const [key, ...rest] = item.trim().split("=");
    if (key === "t" || key === "v1") parts[key] = rest.join("=");
  }
  return parts;
}

function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(", ") : value;
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
