// The demo worlds' campaigns (dashboard-api.md section 10), and the ones a demo indexes for badges: the
// values of OUTREACH_BADGE_CAMPAIGNS and WIKIEDU_BADGE_CAMPAIGNS for `npm run demo` and the tests. With
// these, every persona with a course whose tracking window has not ended gets a badge on its Dashboard,
// and nobody else (test/demo/badge-campaigns.test.ts).

export const DEMO_CAMPAIGNS = {
  /** Programs & Events' catch-all, named by its `current.json`: every course; never indexed. */
  miscellanea: 'miscellanea',
  /** Programs & Events: the fixture courses (A-E, G, H); C and H ended long ago, so active_courses.json leaves them out. */
  communityPrograms: 'community_programs_2026',
  /** Programs & Events: the courses demoWorld adds (the past and the private one are never listed as active). */
  editathons: 'editathons_and_sprints_2026',
  /** Wiki Education: the current term (`current.json`), indexed whatever the configuration. */
  currentTerm: 'spring_2026',
  /** Wiki Education: last term's classes. */
  pastTerm: 'fall_2025',
  /** Wiki Education: a campaign besides the terms, indexed only when configured. */
  exchangeSections: 'exchange_sections_2026',
} as const;

/** What a demo configures: OUTREACH_BADGE_CAMPAIGNS and WIKIEDU_BADGE_CAMPAIGNS (comma-separated). */
export const DEMO_BADGE_CAMPAIGNS = {
  outreach: [DEMO_CAMPAIGNS.communityPrograms, DEMO_CAMPAIGNS.editathons],
  wikiedu: [DEMO_CAMPAIGNS.exchangeSections],
} as const;

/** The same, as the environment gives them to the service (`npm run demo`, support/service.ts). */
export const DEMO_BADGE_ENV = {
  OUTREACH_BADGE_CAMPAIGNS: DEMO_BADGE_CAMPAIGNS.outreach.join(','),
  WIKIEDU_BADGE_CAMPAIGNS: DEMO_BADGE_CAMPAIGNS.wikiedu.join(','),
};
