// The service's vocabulary: what it knows about users, courses and rosters, in the form it keeps and
// serves (only the fields it uses, with types made dependable: null labels become "", a description
// stays null, dates are ISO strings in the Dashboard's own form or null). The Dashboard client parses
// its bodies into these.

/** One enrolment row of /user_stats.json `courses_details` (one per role: a course can repeat). */
export interface EnrolmentRow {
  /** The courses_users row id, not the course id (an upstream quirk we pass through). */
  course_id: number;
  course_title: string;
  course_school: string;
  course_term: string;
  user_count: number;
  /** Localised label (we ask for English): "Student", "Instructor", ... */
  user_role: string;
  course_slug: string;
}

export interface UserStats {
  courses: EnrolmentRow[];
  max_project: string | null;
}

/** The fields of /courses/<slug>/course.json that the API serves. */
export interface CourseDetails {
  id: number;
  title: string;
  /** Free text (HTML or markdown); null when the Dashboard has none. */
  description: string | null;
  school: string;
  slug: string;
  start: string | null;
  end: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
  published: boolean;
  private: boolean;
  ended: boolean;
  closed: boolean;
  type: string;
  term: string;
  student_count: number;
}

/** One row of /courses/<slug>/users.json (one per role: a person can repeat). */
export interface RosterRow {
  username: string;
  role: number;
}

export interface Roster {
  users: RosterRow[];
}

/**
 * A roster as the service keeps it: users.json's rows, with the two facts users.json does not carry,
 * taken from the course's details when the roster is fetched.
 */
export interface CourseRoster extends Roster {
  /** The Dashboard's own spelling of the course's slug. */
  slug: string;
  /** The course's end: the roster of an over course is kept longer. */
  end: string | null;
}

/** A course slug split into its decoded, validated segments (at least two, none empty). */
export type Slug = readonly string[];
