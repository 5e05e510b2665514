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
  /** A meeting's end is not after its start; `details.fields` names `endsAt`. */
  'MEETING_ENDS_BEFORE_START',
  /** The meeting is closed (minuted or cancelled), or not yet held, for this change. */
  'MEETING_NOT_OPEN',
  /** Service hours that end before they start; `details.fields` names `endedAt`. */
  'VOLUNTEER_HOURS_ENDS_BEFORE_START',
  /** The volunteer is not approved (applied, rejected, suspended or left), so cannot serve or sign in. */
  'VOLUNTEER_NOT_APPROVED',
  /** Signing out of a service session without having signed in to it. */
  'VOLUNTEER_NOT_SIGNED_IN',
  /** A service session code that is wrong, expired or closed: one answer for every case. */
  'VOLUNTEER_SESSION_CODE_INVALID',
  /** The activity ends before it starts (or the sign-up window closes before it opens). */
  'ACTIVITY_ENDS_BEFORE_START',
  /** The activity takes no sign-ups now: outside its sign-up window, already held, or cancelled. */
  'ACTIVITY_SIGNUP_CLOSED',
  /** This phone is already signed up (or waiting) for this activity. */
  'ACTIVITY_ALREADY_SIGNED_UP',
  /** A sign-up link that is wrong or of a cancelled sign-up: one answer that reveals nothing. */
  'ACTIVITY_SIGNUP_LINK_INVALID',
  /** The check-in code is not the one shown at the door, or check-in is not open. */
  'ACTIVITY_CHECKIN_CODE_WRONG',
  /** The venue takes no bookings now (closed or archived), or none from this kind of booker. */
  'VENUE_NOT_BOOKABLE',
  /** The time overlaps a booking of the venue already requested or approved; `details.fields` names the start. */
  'BOOKING_CONFLICT',
  /** The time falls outside the venue's opening hours; `details.fields` names the start or end and the hours. */
  'BOOKING_OUTSIDE_HOURS',
  /** A project's progress must be a whole percent from 0 to 100; `details.fields` names `percent`. */
  'PROJECT_PERCENT_OUT_OF_RANGE',
  /** The project is not open for claims (not approved, or claimed by its lead unit already). */
  'PROJECT_NOT_CLAIMABLE',
  /** This resident (or this link) has rated the project already. */
  'PROJECT_ALREADY_RATED',
  /** Service hours that end before they start; `details.fields` names `endedAt`. */
  /** The volunteer is not approved (applied, rejected, suspended or left), so cannot serve or sign in. */
  /** Signing out of a service session without having signed in to it. */
  /** A service session code that is wrong, expired or closed: one answer for every case. */
  /** The vote is not open for ballots: not opened yet, or closed (a ballot after the close changes nothing). */
  'VOTE_CLOSED',
  /** This voter has a ballot already through the other channel (phone or paper): never both. */
  'VOTE_ALREADY_CAST',
  /** A voting link that is wrong, re-issued or of no one: one answer that reveals nothing about the voter. */
  'VOTE_LINK_INVALID',
  /** Only someone on the shift can check in, out or swap it; nothing is written. */
  'SHIFT_NOT_ASSIGNED',
  /** Check-in is open only in the window around the shift's start (the community's setting). */
  'SHIFT_CHECKIN_CLOSED',
  /** Checking out needs a check-in first (and a check-out happens once). */
  'SHIFT_NOT_CHECKED_IN',
  /** The person is on this shift already. */
  'SHIFT_ALREADY_ASSIGNED',
  /** The swap is not in a state for this step, or not this person's to take. */
  'SHIFT_SWAP_NOT_ALLOWED',
  /** The volunteer's points balance is too low for this spend or deduction; nothing changed. */
  'POINTS_INSUFFICIENT',
  /** The perk is outside its dates, paused or withdrawn. */
  'PERK_EXPIRED',
  /** The perk has no stock left. */
  'PERK_OUT_OF_STOCK',
  /** A redemption code that is wrong, used, cancelled, expired or of another merchant: one answer. */
  'REDEMPTION_CODE_INVALID',
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
  MEETING_ENDS_BEFORE_START: 400,
  MEETING_NOT_OPEN: 409,
  VOLUNTEER_HOURS_ENDS_BEFORE_START: 400,
  VOLUNTEER_NOT_APPROVED: 409,
  VOLUNTEER_NOT_SIGNED_IN: 409,
  VOLUNTEER_SESSION_CODE_INVALID: 404,
  ACTIVITY_ENDS_BEFORE_START: 400,
  ACTIVITY_SIGNUP_CLOSED: 409,
  ACTIVITY_ALREADY_SIGNED_UP: 409,
  ACTIVITY_SIGNUP_LINK_INVALID: 404,
  ACTIVITY_CHECKIN_CODE_WRONG: 400,
  VENUE_NOT_BOOKABLE: 409,
  BOOKING_CONFLICT: 409,
  BOOKING_OUTSIDE_HOURS: 400,
  PROJECT_PERCENT_OUT_OF_RANGE: 400,
  PROJECT_NOT_CLAIMABLE: 409,
  PROJECT_ALREADY_RATED: 409,
  VOTE_CLOSED: 409,
  VOTE_ALREADY_CAST: 409,
  VOTE_LINK_INVALID: 404,
  SHIFT_NOT_ASSIGNED: 403,
  SHIFT_CHECKIN_CLOSED: 409,
  SHIFT_NOT_CHECKED_IN: 409,
  SHIFT_ALREADY_ASSIGNED: 409,
  SHIFT_SWAP_NOT_ALLOWED: 409,
  POINTS_INSUFFICIENT: 409,
  PERK_EXPIRED: 409,
  PERK_OUT_OF_STOCK: 409,
  REDEMPTION_CODE_INVALID: 404,
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
