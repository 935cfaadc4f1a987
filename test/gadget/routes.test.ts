import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import gadgetRoutes from '../../src/routes/gadget.js';

const GADGET_DIR = new URL('../../gadget/', import.meta.url);

describe('gadget routes', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify({ logger: false });
    await app.register(gadgetRoutes);
    await app.ready();
  });
  after(() => app.close());

  const files: Array<[string, string, RegExp]> = [
    ['/gadget/course-staff.js', 'dist/course-staff.js', /^text\/javascript; charset=utf-8$/],
    ['/gadget/course-staff-main.js', 'dist/course-staff-main.js', /^text\/javascript; charset=utf-8$/],
    ['/gadget/course-staff.css', 'dist/course-staff.css', /^text\/css; charset=utf-8$/],
    ['/test-gadget.html', 'test-page/index.html', /^text\/html; charset=utf-8$/],
    ['/test-gadget/mw.js', 'test-page/mw.js', /^text\/javascript; charset=utf-8$/],
    ['/test-gadget/page.js', 'test-page/page.js', /^text\/javascript; charset=utf-8$/],
    ['/test-gadget/lists.js', 'test-page/lists.js', /^text\/javascript; charset=utf-8$/],
    ['/test-gadget/skins.css', 'test-page/skins.css', /^text\/css; charset=utf-8$/],
  ];
  for (const [path, file, type] of files) {
    it(`serves ${path} from gadget/${file} with its type and a short max-age`, async () => {
      const res = await app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), type);
      const maxAge = Number(/max-age=(\d+)/.exec(String(res.headers['cache-control']))?.[1]);
      assert.ok(maxAge > 0 && maxAge <= 3600, `max-age ${maxAge}`);
      assert.equal(res.body, await readFile(new URL(file, GADGET_DIR), 'utf8'));
    });
  }

  it('answers HEAD like GET, without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/gadget/course-staff.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
  });

  for (const path of [
    '/test-gadget/index.html',
    '/test-gadget/nothing.js',
    '/test-gadget/..%2Fcourse-staff.js',
    '/test-gadget/..%2F..%2Fpackage.json',
    '/gadget/test-page/mw.js',
    '/gadget/.eslintrc.json',
    '/gadget/..%2Fsrc%2Fcore.js',
  ]) {
    it(`404 for ${path}`, async () => {
      const res = await app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 404);
    });
  }
});
