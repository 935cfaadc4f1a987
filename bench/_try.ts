import { startBadgeDashboards } from './badges.js';
const t = Date.now();
const d = await startBadgeDashboards(Date.now());
console.log('built', Date.now() - t, 'ms', d.holders.length, 'holders');
for (const [f, p] of [[d.wikiedu, '/campaigns/current.json'], [d.wikiedu, '/campaigns/fall_2026/users.json'], [d.outreach, '/campaigns/community_programs_2026/users.json'], [d.outreach, '/campaigns/community_programs_2026/active_courses.json']] as const) {
  const s = Date.now();
  const r = await fetch(f.url + p); const b = await r.text();
  console.log(p, r.status, b.length, 'B', Date.now() - s, 'ms', b.slice(0, 150));
}
await d.outreach.close(); await d.wikiedu.close();
