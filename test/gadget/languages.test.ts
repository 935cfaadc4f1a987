// The gadget's languages in Node (gadget/src/languages.js, pure): the reader's fallback chain, which
// translations a page loads, which language each message comes from, the wiki's own messages, each
// language's direction; and the translations themselves (gadget/i18n): every language's PLURAL
// forms as many as its plural rules have, on numbers only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMessages } from '../../scripts/build-gadget.js';
import { loadLanguages } from './support/core.js';

const languages = loadLanguages();
const EN = { a: 'A', b: 'B', c: 'C' };

describe('chain', () => {
  it("is MediaWiki's chain of the reader's language, English last and nothing after it", () => {
    assert.deepEqual(languages.chain(['pt-br', 'pt', 'en']), ['pt-br', 'pt', 'en']);
    assert.deepEqual(languages.chain(['de-at', 'de', 'en']), ['de-at', 'de', 'en']);
    // MediaWiki's own: Chinese variants fall back to each other, Czech to Slovak.
    assert.deepEqual(languages.chain(['zh-hant', 'zh-tw', 'zh-hk', 'zh', 'zh-hans', 'en']), ['zh-hant', 'zh-tw', 'zh-hk', 'zh', 'zh-hans', 'en']);
    assert.deepEqual(languages.chain(['en']), ['en']);
    assert.deepEqual(languages.chain(['de', 'en', 'fr']), ['de', 'en']);
  });

  it('adds English where the chain lacks it', () => {
    assert.deepEqual(languages.chain(['cs', 'sk']), ['cs', 'sk', 'en']);
    assert.deepEqual(languages.chain([]), ['en']);
  });

  it('lower-cases codes, drops repeats and anything that is no language code', () => {
    assert.deepEqual(languages.chain(['DE-AT', 'de', 'de', '<script>', '', 'x y', 'en']), ['de-at', 'de', 'en']);
    assert.deepEqual(languages.chain(['constructor', '__proto__', 'xx']), ['xx', 'en']);
  });
});

describe('toLoad', () => {
  const available = { 'pt-br': { complete: true }, pt: { complete: true }, de: { complete: true }, ar: { complete: false } };

  it('loads the translations of the chain up to the first complete one, never English', () => {
    assert.deepEqual(languages.toLoad(['pt-br', 'pt', 'en'], available), ['pt-br']);
    assert.deepEqual(languages.toLoad(['de-at', 'de', 'en'], available), ['de']);
    assert.deepEqual(languages.toLoad(['en'], available), []);
    assert.deepEqual(languages.toLoad(['nl', 'en'], available), []);
  });

  it('goes on past an incomplete one', () => {
    assert.deepEqual(languages.toLoad(['arz', 'ar', 'pt', 'de', 'en'], available), ['ar', 'pt']);
  });

  it('ignores what objects inherit', () => {
    assert.deepEqual(languages.toLoad(['constructor', 'en'], available), []);
  });
});

describe('resolve', () => {
  it('takes each message from the first language of the chain that has it, and says which', () => {
    const r = languages.resolve(['de-at', 'de', 'en'], { en: EN, de: { a: 'A-de', b: 'B-de' }, 'de-at': { a: 'A-at' } });
    assert.deepEqual(r.messages, { a: 'A-at', b: 'B-de', c: 'C' });
    assert.deepEqual(r.languages, { a: 'de-at', b: 'de', c: 'en' });
  });

  it("names the language most messages came from, the earlier on a tie, for the gadget's containers", () => {
    assert.equal(languages.resolve(['de-at', 'de', 'en'], { en: EN, de: { a: 'A', b: 'B' }, 'de-at': {} }).language, 'de');
    assert.equal(languages.resolve(['de-at', 'de', 'en'], { en: EN, de: { b: 'B' }, 'de-at': { a: 'A' } }).language, 'de-at');
    assert.equal(languages.resolve(['ckb', 'en'], { en: EN, ckb: { a: 'A' } }).language, 'en');
    assert.equal(languages.resolve(['ar', 'en'], { en: { a: 'A', b: 'B' }, ar: { a: 'A' } }).language, 'ar');
    assert.equal(languages.resolve(['nl', 'en'], { en: EN }).language, 'en');
  });

  it('only knows the keys English has, and only text', () => {
    const r = languages.resolve(['fr', 'en'], { en: EN, fr: { a: 'A-fr', z: 'unknown', b: 3 as unknown as string } });
    assert.deepEqual(r.messages, { a: 'A-fr', b: 'B', c: 'C' });
  });
});

describe('merge', () => {
  it("lets the wiki's messages win, language by language and key by key, and adds languages", () => {
    const base = { en: EN, ar: { a: 'A-ar', b: 'B-ar' } };
    assert.deepEqual(languages.merge(base, { ar: { a: 'A-local' }, ckb: { c: 'C-ckb' } }), {
      en: EN,
      ar: { a: 'A-local', b: 'B-ar' },
      ckb: { c: 'C-ckb' },
    });
    assert.deepEqual(base.ar, { a: 'A-ar', b: 'B-ar' });
  });
});

describe("readLocal (the wiki's MediaWiki:Gadget-course-staff-messages.json)", () => {
  const keys = Object.keys(EN);

  it('keeps known keys with text, language codes lower-cased', () => {
    assert.deepEqual(languages.readLocal({ AR: { a: 'A-ar' }, 'pt-br': { b: 'B-pt' } }, keys), {
      messages: { ar: { a: 'A-ar' }, 'pt-br': { b: 'B-pt' } },
      problems: [],
    });
  });

  it('leaves out, and names, what it cannot use; the rest still counts', () => {
    const r = languages.readLocal({ ar: { a: 'A-ar', zz: 'x', b: 7 }, 'not a code': { a: 'x' }, fr: 'text', de: ['a'] }, keys);
    assert.deepEqual(r.messages, { ar: { a: 'A-ar' } });
    assert.deepEqual(r.problems, ['ar.zz', 'ar.b', 'not a code', 'fr', 'de']);
  });

  it('is nothing for no page, and one problem for a page that is not an object of languages', () => {
    assert.deepEqual(languages.readLocal(null, keys), { messages: {}, problems: [] });
    for (const data of ['text', 3, [{ a: 'x' }]]) assert.deepEqual(languages.readLocal(data, keys).problems, ['not an object of languages']);
  });
});

describe('direction', () => {
  it('is right to left for the languages MediaWiki writes so, and their variants', () => {
    for (const code of ['ar', 'he', 'fa', 'ur', 'arz', 'ckb', 'yi', 'AR', 'ar-eg', 'kk-arab', 'ms-arab', 'en-rtl']) assert.equal(languages.direction(code), 'rtl', code);
  });

  it('is left to right for the others, a Latin variant of a right-to-left base included', () => {
    for (const code of ['en', 'de', 'pt-br', 'zh-hans', 'ru', 'kk', 'ms', 'ku-latn', 'ug-latn']) assert.equal(languages.direction(code), 'ltr', code);
  });
});

describe('the translations (gadget/i18n)', async () => {
  const all = await readMessages();
  const english = all.en ?? {};
  // The forms MediaWiki's PLURAL takes in each language (CLDR's integer categories; Czech's "many"
  // and Russian's "other" are for decimals only, Hebrew's "many" takes the last form): none where a
  // noun after a number does not change.
  const FORMS: Record<string, number> = {
    en: 2, de: 2, es: 2, fr: 2, it: 2, pt: 2, 'pt-br': 2,
    cs: 3, ru: 3, uk: 3, he: 3,
    ar: 6,
    fa: 0, id: 0, 'zh-hans': 0,
  };
  // The parameters that are numbers: the only ones PLURAL may look at.
  const NUMBERS: Record<string, string[]> = {
    'coursestaff-summary': ['$1', '$2'],
    'coursestaff-copied': ['$1'],
    'coursestaff-copy-split': ['$1', '$2'],
    'coursestaff-badge-many': ['$2'],
  };

  it('are the 15 languages GADGET.md lists, each with its plural forms known here', () => {
    assert.deepEqual(Object.keys(all).sort(), Object.keys(FORMS).sort());
  });

  for (const [code, messages] of Object.entries(all)) {
    it(`${code}: every PLURAL is on a number and has ${FORMS[code]} forms (besides explicit ones like "0=")`, () => {
      for (const [key, text] of Object.entries(messages)) {
        for (const [, param, forms] of text.matchAll(/\{\{PLURAL:(\$\d+)\|([^}]*)\}\}/g)) {
          assert.ok(NUMBERS[key]?.includes(param ?? ''), `${key}: PLURAL on ${param}, which is no number`);
          const plain = (forms ?? '').split('|').filter((f) => !/^\d+=/.test(f));
          assert.equal(plain.length, FORMS[code], `${key}: ${plain.length} forms`);
        }
      }
    });

    it(`${code}: uses every parameter English has, and no other`, () => {
      for (const [key, text] of Object.entries(messages)) {
        const params = (t: string) => [...new Set(t.match(/\$\d+/g) ?? [])].sort();
        assert.deepEqual(params(text), params(english[key] ?? ''), key);
      }
    });
  }
});
