// Serves the MediaWiki gadget as built for the wiki (gadget/dist, committed; see GADGET.md) and the
// local MediaWiki stand-in page that exercises it against this service. Files are read once, at start-up.
import { readFile, readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

// Works from src/routes/ (tsx) and dist/routes/ (build): both sit one level below the repo root.
const GADGET_DIR = new URL('../../gadget/', import.meta.url);
const BUILT_DIR = new URL('dist/', GADGET_DIR);
const TEST_PAGE_DIR = new URL('test-page/', GADGET_DIR);

const CACHE_CONTROL = 'public, max-age=300';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

interface Asset {
  // Text, so the app's common ETag / 304 handling applies.
  body: string;
  type: string;
}

async function loadAsset(dir: URL, name: string): Promise<Asset> {
  const type = CONTENT_TYPES[extname(name)];
  if (type === undefined) throw new Error(`gadget: no content type for ${name}`);
  return { body: await readFile(new URL(name, dir), 'utf8'), type };
}

/** The test page's assets by file name (index.html is served as /test-gadget.html instead). */
async function loadTestPageAssets(): Promise<Map<string, Asset>> {
  const names = (await readdir(TEST_PAGE_DIR)).filter((n) => n !== 'index.html' && CONTENT_TYPES[extname(n)]);
  return new Map(await Promise.all(names.map(async (n) => [n, await loadAsset(TEST_PAGE_DIR, n)] as const)));
}

export default async function gadgetRoutes(app: FastifyInstance): Promise<void> {
  const [script, style, page, assets] = await Promise.all([
    loadAsset(BUILT_DIR, 'course-staff.js'),
    loadAsset(BUILT_DIR, 'course-staff.css'),
    loadAsset(TEST_PAGE_DIR, 'index.html'),
    loadTestPageAssets(),
  ]);

  const serve = (asset: Asset) => async (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', CACHE_CONTROL).type(asset.type).send(asset.body);

  // Static files: not part of the API document.
  const hidden = { schema: { hide: true } };
  app.get('/gadget/course-staff.js', hidden, serve(script));
  app.get('/gadget/course-staff.css', hidden, serve(style));
  app.get('/test-gadget.html', hidden, serve(page));
  app.get<{ Params: { file: string } }>('/test-gadget/:file', hidden, async (req, reply) => {
    // Only names found at start-up are served, so no request path can reach another file.
    const asset = assets.get(req.params.file);
    if (asset === undefined) return reply.callNotFound();
    return serve(asset)(req, reply);
  });
}
