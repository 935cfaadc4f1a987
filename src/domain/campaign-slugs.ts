// What a campaign slug can be, the one rule for the settings that name campaigns (config/) and for the
// paths that read them (dashboard/campaigns.ts).

// Campaign slugs are made lower case, with letters, digits and `_` only (Campaign#set_slug); 255 is the
// column's length. Anything else cannot be a campaign, so it never reaches a path.
const CAMPAIGN_SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}_]{1,255}$/u;

export function isCampaignSlug(slug: string): boolean {
  return CAMPAIGN_SLUG.test(slug);
}
