// Whether a course is running at a given moment. Computed per request from cached dates.

/** start <= now <= end (inclusive); null when either date is missing or unparseable. */
export function windowActive(start: string | null, end: string | null, now: number): boolean | null {
  if (start === null || end === null) return null;
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return from <= now && now <= to;
}

export interface CourseActivity {
  /** The tracking window, start..end. */
  active_tracking: boolean | null;
  /** The event window, timeline_start..timeline_end (no fallback to the tracking window). */
  active_event: boolean | null;
}

/** A course's two windows, as ISO dates or null when unknown. */
export interface CourseWindows {
  start: string | null;
  end: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
}

export function courseActivity(course: CourseWindows, now: number): CourseActivity {
  return {
    active_tracking: windowActive(course.start, course.end, now),
    active_event: windowActive(course.timeline_start, course.timeline_end, now),
  };
}

/** The Dashboard keeps updating a course until 30 days after its end (`update_until`), then leaves it be. */
export const OVER_AFTER_MS = 30 * 86_400_000;

/** A course is over when its end lies more than 30 days in the past: nothing about it changes upstream any more. */
export function isOver(end: string | null, now: number): boolean {
  return end !== null && Date.parse(end) < now - OVER_AFTER_MS;
}
