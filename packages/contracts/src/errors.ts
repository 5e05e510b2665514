/** The closed list of error codes the API can answer with. Each has an HTTP status in `errorStatus`. */
export const errorCodes = [
  /** The record does not exist, or belongs to another community. */
  'NOT_FOUND',
  /** The actor is known but may not do this. */
  'FORBIDDEN',
  /** No valid session. */
  'UNAUTHENTICATED',
  /** Input failed validation; `details.fields` names each bad field. */
  'VALIDATION_FAILED',
  /** A unique value is already taken (username, ID card number…). */
  'CONFLICT',
  /** The record is in a state where this action is not allowed. */
  'INVALID_STATE',
  /** Too many attempts; try again later. */
  'RATE_LIMITED',
  /** Too many anonymous reports from one address or one community link; `details.retryAfterSeconds` says when to retry. */
  'TOO_MANY_REPORTS',
  /** Username/phone and password do not match. */
  'INVALID_CREDENTIALS',
  /** The uploaded file could not be read as the expected spreadsheet. */
  'BAD_SPREADSHEET',
  /** The uploaded file is too large. */
  'PAYLOAD_TOO_LARGE',
  /** The ticket is closed and cannot change any more. */
  'TICKET_ALREADY_CLOSED',
  /** A state-changing request with a session came from another site (its Origin or Referer is not this one). */
  'CSRF_REJECTED',
  /** The tracking code is right but the proof (the link's key, or the phone's last four digits) is not. */
  'TRACKING_PROOF_INVALID',
  /** This round of the ticket (since its last resolution) has been rated already. */
  'TICKET_ALREADY_RATED',
  /** A check-in link that is wrong, revoked or of no one: one answer that reveals nothing about the person. */
  'CHECKIN_LINK_INVALID',
  /** Something unexpected failed; the response carries a request id. */
  'INTERNAL',
  /** The wish is not open for claims (not yet published, withdrawn, expired or done). */
  'WISH_NOT_CLAIMABLE',
  /** The wish allows one claimant and has one already, or this claimant has claimed it already. */
  'WISH_ALREADY_CLAIMED',
  /** Service hours that end before they start; `details.fields` names `endedAt`. */
  'VOLUNTEER_HOURS_ENDS_BEFORE_START',
  /** The volunteer is not approved (applied, rejected, suspended or left), so cannot serve or sign in. */
  'VOLUNTEER_NOT_APPROVED',
  /** Signing out of a service session without having signed in to it. */
  'VOLUNTEER_NOT_SIGNED_IN',
  /** A service session code that is wrong, expired or closed: one answer for every case. */
  'VOLUNTEER_SESSION_CODE_INVALID',
  /** Every place of the pioneer post (先锋岗) is taken. */
  'PARTY_POST_FULL',
  /** The party member holds this post, area or pairing already. */
  'PARTY_ALREADY_CLAIMED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorStatus: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  TOO_MANY_REPORTS: 429,
  INVALID_CREDENTIALS: 401,
  BAD_SPREADSHEET: 400,
  PAYLOAD_TOO_LARGE: 413,
  TICKET_ALREADY_CLOSED: 409,
  CSRF_REJECTED: 403,
  TRACKING_PROOF_INVALID: 403,
  TICKET_ALREADY_RATED: 409,
  CHECKIN_LINK_INVALID: 404,
  INTERNAL: 500,
  WISH_NOT_CLAIMABLE: 409,
  WISH_ALREADY_CLAIMED: 409,
  VOLUNTEER_HOURS_ENDS_BEFORE_START: 400,
  VOLUNTEER_NOT_APPROVED: 409,
  VOLUNTEER_NOT_SIGNED_IN: 409,
  VOLUNTEER_SESSION_CODE_INVALID: 404,
  PARTY_POST_FULL: 409,
  PARTY_ALREADY_CLAIMED: 409,
};

/** One bad field: `field` is a dotted path, `rule` a validation rule from `fieldRules`. */
export interface FieldIssue {
  field: string;
  rule: string;
  params?: Record<string, string | number>;
  /** The issue in the request's language, for clients that do not translate themselves. */
  message?: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId?: string;
    details?: { fields?: FieldIssue[]; [key: string]: unknown };
  };
}
