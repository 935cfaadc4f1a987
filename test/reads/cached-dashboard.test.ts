// The cached reads' keys, over real HTTP against the fake Dashboard (which, like the real one, looks
// names and slugs up case- and accent-insensitively): every spelling the Dashboard treats as one person
// or course costs one upstream request, and answers still show the caller's name and the Dashboard's slug.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COURSES } from '../../demo/demo-world.js';
import { startService, type Service } from '../../support/service.js';

let svc: Service;
before(async () => {
  svc = await startService();
});
after(() => svc.close());

const enc = encodeURIComponent;
const SLUG = COURSES.active; // Université_de_Montréal/Histoire_des_sciences_(Automne_2026)
const path = (slug: string) => slug.split('/').map(enc).join('/');

describe('cache keys fold what the Dashboard folds', () => {
  it('shares one entry between case spellings of a name, answering each in its canonical form', async () => {
    svc.dashboard.reset();
    for (const [spelling, canonical] of [
      ['Lena_Vogel', 'Lena Vogel'],
      ['Lena vogel', 'Lena vogel'],
      ['Lena_VOGEL', 'Lena VOGEL'],
    ] as const) {
      const r = await svc.get(`/api/users/${enc(spelling)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.username, canonical);
      assert.ok(r.body.courses.length >= 1);
    }
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1);
  });

  it('shares one entry between NFC, NFD and unaccented spellings of a non-ASCII name', async () => {
    svc.dashboard.reset();
    const nfc = 'Émilie Dupont';
    for (const spelling of [nfc, nfc.normalize('NFD'), 'émilie_dupont', 'Emilie Dupont']) {
      const r = await svc.get(`/api/users/${enc(spelling)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    assert.equal(svc.dashboard.count(/^\/user_stats\.json/), 1);
  });

  it('shares one entry between case and accent spellings of a slug, answering with the Dashboard slug', async () => {
    svc.dashboard.reset();
    for (const spelling of [SLUG, SLUG.toUpperCase(), 'universite_de_montreal/histoire_des_sciences_(automne_2026)']) {
      const r = await svc.get(`/api/courses/${path(spelling)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.slug, SLUG);
    }
    assert.equal(svc.dashboard.count(/\/course\.json$/), 1);
  });

  it('keeps apart spellings the Dashboard tells apart: `_` and space in a slug', async () => {
    assert.equal((await svc.get(`/api/courses/${path(SLUG)}`)).status, 200);
    svc.dashboard.reset();
    const spaced = await svc.get(`/api/courses/${path(SLUG.replaceAll('_', ' '))}`);
    assert.equal(spaced.status, 404, 'the Dashboard does not find a slug with spaces for underscores');
    assert.equal(svc.dashboard.count(/\/course\.json$/), 1, 'the spaced spelling is its own entry, asked upstream');
  });
});
