// The Dashboard's JSON as it is on the wire (dashboard-api.md): the bodies of course.json, users.json
// and user_stats.json with every field upstream sends, a campaign's users.json, the role labels
// user_stats and campaigns use, and how upstream's collation matches names and slugs.

export type Role = 0 | 1 | 2 | 3 | 4;

export const DAY_MS = 86_400_000;

/**
 * How MySQL's case- and accent-insensitive collation compares names and slugs: accents stripped,
 * case folded, trailing spaces ignored. Underscores and spaces stay distinct.
 */
export function collationKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ +$/, '');
}

/** `user_stats` labels (English i18n, Wiki Ed wording: not the P&E UI's "Editor"/"Facilitator"). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  0: 'Student',
  1: 'Instructor',
  2: 'Campus Volunteer',
  3: 'Online Volunteer',
  4: 'Wiki Education Staff',
};

/** Campaign `users.json` labels (CoursesUsers::ROLE_NAMES: the Programs & Events wording, never localised). */
export const CAMPAIGN_ROLE_LABELS: Readonly<Record<Role, string>> = {
  0: 'Editor',
  1: 'Facilitator',
  2: 'Campus Volunteer',
  3: 'Online Volunteer',
  4: 'Wiki Education Staff',
};

export type Json = Record<string, unknown>;

/** course.json's `course` object: the fields the world reads, and everything else upstream sends. */
export interface CourseBody extends Json {
  id: number;
  title: string;
  school: string;
  term: string;
  slug: string;
  start: string;
  end: string;
  private: boolean;
  home_wiki: { project: string };
}

/** One users.json row (one per enrolment: a person can appear once per role). */
export interface RosterRowBody extends Json {
  role: number;
  username: string;
  id: number;
}

export interface EnrolmentDetail {
  course_id: number;
  course_title: string;
  course_school: string;
  course_term: string;
  user_count: number;
  user_role: string;
  course_slug: string;
}

/** One row of a campaign's users.json (one per enrolment per role). */
export interface CampaignUserRow {
  course: string;
  role: string;
  username: string;
}

export interface CampaignUsersBody {
  campaign: string;
  users: CampaignUserRow[];
}

export interface UserStatsBody extends Json {
  user_recent_uploads: unknown[];
  courses_details: EnrolmentDetail[];
  max_project: string | null;
}
