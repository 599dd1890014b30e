/** The JSON body of every error Gable answers: `{"success": false, "error", "code", "requestId", "field"?}`. */
export interface ErrorBody {
  success?: false;
  error?: string;
  code?: string;
  requestId?: string;
  field?: string;
  [extra: string]: unknown;
}

/**
 * An error answer from the API. `code` is Gable's machine-readable code (`NOT_FOUND`,
 * `VALIDATION_ERROR`, `RATE_LIMITED`, …) and `requestId` the `X-Request-Id` to quote to support.
 * The subclasses name the statuses a program usually branches on.
 */
export class GableError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  /** The request field a validation error names. */
  readonly field: string | undefined;
  /** The whole error body, for fields such as `upgrade` and `requiredPlan`. */
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody, requestId?: string) {
    super(body.error ?? `HTTP ${status}`);
    this.name = new.target.name;
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.requestId = body.requestId ?? requestId;
    this.field = body.field;
    this.body = body;
  }

  /** The error for an answered `response` whose body was already read as `body`. */
  static from(response: Response, body: unknown): GableError {
    const json: ErrorBody =
      body !== null && typeof body === "object" && !Array.isArray(body)
        ? (body as ErrorBody)
        : { error: typeof body === "string" && body !== "" ? body : undefined };
    const requestId = response.headers.get("x-request-id") ?? undefined;
    switch (response.status) {
      case 400:
      case 413:
      case 415:
      case 422:
        return new InvalidRequestError(response.status, json, requestId);
      case 401:
        return new AuthenticationError(response.status, json, requestId);
      case 403:
        return new PermissionDeniedError(response.status, json, requestId);
      case 404:
        return new NotFoundError(response.status, json, requestId);
      case 409:
        return new ConflictError(response.status, json, requestId);
      case 429:
        return new RateLimitError(response.status, json, requestId, retryAfterSeconds(response));
      default:
        return new GableError(response.status, json, requestId);
    }
  }
}

/** 400, 413, 415, 422: the request itself is wrong; `field` names the culprit when there is one. */
export class InvalidRequestError extends GableError {}
/** 401: no key, an unknown key, or a revoked or expired one. */
export class AuthenticationError extends GableError {}
/** 403: the key lacks a scope, or the plan lacks the feature (`body.upgrade`, `body.requiredPlan`). */
export class PermissionDeniedError extends GableError {}
/** 404: no such object in this organization. */
export class NotFoundError extends GableError {}
/** 409: the object's state or references refuse the change (`INVALID_STATE`, `REFERENCED`, …). */
export class ConflictError extends GableError {}
/** 429, once the client's retries are spent or the wait would be too long. */
export class RateLimitError extends GableError {
  /** Seconds the server asked to wait (`Retry-After`). */
  readonly retryAfter: number | undefined;
  constructor(status: number, body: ErrorBody, requestId?: string, retryAfter?: number) {
    super(status, body, requestId);
    this.retryAfter = retryAfter;
  }
}

/** `Retry-After` in seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
