// Every documented example request, by operation: what it shows, the URL as a client writes it, and
// the status it answers with against the demo worlds (`npm run demo`: Programs & Events and Wiki Education). The OpenAPI document carries
// them (parameter examples and response examples); the index at `/`, the demo's printed URLs and
// README's examples are taken from or checked against the document, and a test calls each one. Every
// parameter value must fit its schema (Redocly's lint): a bad `dashboard`, outside its enum, is
// described and tested, not an example.

export interface ExampleRequest {
  summary: string;
  /** Path and query, percent-encoded as sent. */
  url: string;
  status: number;
  /** A POST's form fields (sent `application/x-www-form-urlencoded`), as given (not encoded). */
  form?: Record<string, string>;
}

const EMILIE = '%C3%89milie_Dupont';
const MONTREAL = 'Universit%C3%A9_de_Montr%C3%A9al/Histoire_des_sciences_(Automne_2026)';
/** On both Dashboards (demo/demo-world.ts PERSONAS.onBoth). */
const NOOR = 'Noor_Haddad';
/** Only on Wiki Education (demo/wikiedu-world.ts). */
const TAYLOR = 'Taylor_Brooks';
const WIKIEDU_CLASS = 'Riverside_University/Environmental_Science_(Spring_2026)';
/** `|` needs no encoding in a query (curl and browsers send it as typed). Badges on both Dashboards (demo/badge-campaigns.ts): Noor on each, Taylor on Wiki Education, Lena on Programs & Events, Quiet Reader on neither. */
const BADGE_NAMES = 'Noor_Haddad|Taylor_Brooks|Lena_Vogel|Quiet_Reader';

export const EXAMPLES: Record<string, Record<string, ExampleRequest>> = {
  getUserCourses: {
    enriched: { summary: 'Courses with dates, activity and staff (over ones too)', url: `/api/users/${EMILIE}?enrich=true`, status: 200 },
    plain: { summary: '`_` and spaces are the same, so is the case of the first letter', url: '/api/users/lena_Vogel', status: 200 },
    wikiedu: { summary: 'On Wiki Education: classes with their staff (the program manager too)', url: `/api/users/${TAYLOR}?dashboard=wikiedu&enrich=true`, status: 200 },
    all: { summary: 'Both Dashboards at once: Programs & Events first, and what each said', url: `/api/users/${NOOR}?dashboard=all`, status: 200 },
    unknown: { summary: 'A user the Dashboard does not know', url: '/api/users/Ghost_User', status: 404 },
    unknownOnBoth: { summary: 'A user neither Dashboard knows', url: '/api/users/Ghost_User?dashboard=all', status: 404 },
    invalid: { summary: 'A character usernames cannot contain', url: '/api/users/A%7CB', status: 400 },
  },
  getActiveStaff: {
    tracking: { summary: 'Staff of the courses whose tracking window is open', url: `/api/users/${EMILIE}/active-staff`, status: 200 },
    event: {
      summary: 'Staff of the courses whose event window is open',
      url: '/api/users/%C3%89milie%20Dupont/active-staff?use_event_dates=true',
      status: 200,
    },
    all: { summary: 'Staff of the active courses on both Dashboards', url: `/api/users/${NOOR}/active-staff?dashboard=all`, status: 200 },
    badFlag: { summary: 'A flag that is not a boolean', url: `/api/users/${EMILIE}/active-staff?use_event_dates=maybe`, status: 400 },
  },
  getUserStatus: {
    multiRole: { summary: 'Three courses in three roles', url: '/api/users/Adaeze_Okafor/status', status: 200 },
    all: { summary: 'Counts summed over both Dashboards; Programs & Events does not know this user', url: `/api/users/${TAYLOR}/status?dashboard=all`, status: 200 },
  },
  getCourse: {
    enriched: { summary: 'A course with its activity and staff', url: `/api/courses/${MONTREAL}?enrich=true`, status: 200 },
    wikiedu: { summary: 'A Wiki Education class', url: `/api/courses/${WIKIEDU_CLASS}?dashboard=wikiedu&enrich=true`, status: 200 },
    sameSlugWikiedu: {
      summary: 'The slug of the Programs & Events course above: another course on Wiki Education',
      url: `/api/courses/${MONTREAL}?dashboard=wikiedu`,
      status: 200,
    },
    unknown: { summary: 'A course the Dashboard does not know', url: '/api/courses/No_School/No_Course', status: 404 },
    oneSegment: { summary: 'A slug needs two or more parts', url: '/api/courses/Only_One_Part', status: 400 },
  },
  getCourseUsers: {
    enriched: { summary: 'A roster, and whether the course is active now', url: `/api/courses/${MONTREAL}/users?enrich=1`, status: 200 },
    wikiedu: { summary: "A Wiki Education class's roster: one row per person, the program manager as role 4", url: `/api/courses/${WIKIEDU_CLASS}/users?dashboard=wikiedu`, status: 200 },
    threeSegments: { summary: 'A slug of three parts', url: '/api/courses/Wiki_Club/Berlin/Spring_Sprint_(2026)/users', status: 200 },
    otherCase: {
      summary: "The slug in another case: found, and answered with the Dashboard's spelling",
      url: '/api/courses/wiki_club/berlin/spring_sprint_(2026)/users',
      status: 200,
    },
  },
  getBadges: {
    all: { summary: 'Badges on both Dashboards: Programs & Events first', url: `/api/badges?users=${BADGE_NAMES}&dashboard=all`, status: 200 },
    outreach: { summary: 'Programs & Events only (the default); spellings normalized, a name that breaks the rules listed as invalid', url: '/api/badges?users=lena_Vogel%7C%C3%89milie_Dupont%7CA%3CB', status: 200 },
    none: { summary: 'No name', url: '/api/badges?users=', status: 400 },
  },
  postBadges: {
    form: { summary: 'The same as a form (up to 500 names)', url: '/api/badges', form: { users: BADGE_NAMES, dashboard: 'all' }, status: 200 },
  },
  getHealth: { health: { summary: 'Readiness and cache state', url: '/health', status: 200 } },
  getLiveness: { liveness: { summary: 'The process answers', url: '/healthz', status: 200 } },
  getMetrics: { metrics: { summary: 'Prometheus text format', url: '/metrics', status: 200 } },
};
