import type { Who } from './sim.js';

/** What the ticket generators know of a seeded community. */
export interface World {
  communityId: number;
  name: string;
  ticketsPerYear: number;
  categories: Map<string, { id: number; responseHours: number; resolutionHours: number; workingHoursOnly: boolean }>;
  staff: { secretary: number; socialWorker: number | null; gridWorker: number | null };
  teams: Array<{ id: number; name: string }>;
  partners: Array<{ id: number; name: string; kind: string }>;
  /** Organisations that serve this community and answer its escalations, with the contact account that replies. */
  organisations: Array<{ id: number; name: string; kind: string; departmentType: string | null; contactAccountId: number | null }>;
  compounds: Array<{ id: number; name: string; buildings: Array<{ id: number; name: string }> }>;
  residents: Array<{
    id: number;
    name: string;
    male: boolean;
    year: number;
    compoundId: number;
    buildingId: number;
    unit: string;
    phoneEnc: string | null;
    phoneMasked: string | null;
    phoneHash: string | null;
  }>;
}

/** Staff roles a demo step names; a community without that role falls back to the next one. */
export type StaffRole = 'secretary' | 'social_worker' | 'grid_worker';
export function staffOf(w: World, role: StaffRole): Who {
  const id =
    role === 'grid_worker'
      ? (w.staff.gridWorker ?? w.staff.socialWorker ?? w.staff.secretary)
      : role === 'social_worker'
        ? (w.staff.socialWorker ?? w.staff.secretary)
        : w.staff.secretary;
  return { accountId: id };
}

/** A ticket to write: its life (played later) and the columns intake would have set. */
export interface TicketPlan {
  world: World;
  play: import('./sim.js').Play;
  description: string;
  compoundId: number | null;
  buildingId: number | null;
  addressText: string | null;
  reporter: World['residents'][number] | null;
  reporterName: string | null;
  /** Intake links a reporter to a resident only at the desk; online reports carry a name and phone. */
  linkResident: boolean;
  isAnonymous: boolean;
  /** One of the reports' cases (for the test and the README), or an everyday ticket. */
  story: string | null;
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/** Beijing local time of an instant, as fields read from a shifted Date. */
export const local = (t: Date) => new Date(t.getTime() + 8 * HOUR);
export const atBeijing = (y: number, m: number, d: number, h: number, min: number) => new Date(Date.UTC(y, m, d, h - 8, min));
export const plus = (t: Date, hours: number) => new Date(t.getTime() + hours * HOUR);

/** The next moment the community office is staffed (8:30–18:00 every day: communities keep weekend duty), or `t` itself. */
export function nextStaffed(t: Date): Date {
  const l = local(t);
  const minute = l.getUTCHours() * 60 + l.getUTCMinutes();
  if (minute >= 510 && minute < 1080) return t;
  const day = minute < 510 ? 0 : 1;
  return atBeijing(l.getUTCFullYear(), l.getUTCMonth(), l.getUTCDate() + day, 8, 30);
}
