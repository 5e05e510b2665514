/** The meetings module's public face (issue 11, ADR 0045). The votes part (meetings/votes/) builds on the topics. */
import { getMeetingRef, meetingTitles, getTopicRef, topicsOfMeeting, topicTitles } from './refs.repository.js';

/** A meeting by id (`get`, undefined for none or another community's) and titles by ids (`titles`). */
export const meetingRefs = { get: getMeetingRef, titles: meetingTitles };
/** Agenda topics (议题): one by id, one meeting's agenda, titles by ids. */
export const topicRefs = { get: getTopicRef, ofMeeting: topicsOfMeeting, titles: topicTitles };
export type MeetingRef = NonNullable<Awaited<ReturnType<typeof getMeetingRef>>>;
export type TopicRef = NonNullable<Awaited<ReturnType<typeof getTopicRef>>>;
export { meetingsRoutes } from './meetings.routes.js';
/** The meetings registers' read model (议事会议台账, 会议记录) and the dashboard's counts for the ledger module. */
export * as meetingLedger from './ledger.js';
