export { Gable, nextLink, type GableOptions, type Data, type ListPath, type StreamedEvent } from "./client.js";
export {
  GableError,
  InvalidRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  type ErrorBody,
} from "./errors.js";
export { verifyWebhook, WebhookVerificationError, type SignatureScheme, type VerifyOptions } from "./webhooks.js";
export type { paths, components, operations } from "./schema.js";
