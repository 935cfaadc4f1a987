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

/** A folder's assets by file name, but for `except`. */
async function loadAssets(dir: URL, except: string[] = []): Promise<Map<string, Asset>> {
  const names = (await readdir(dir)).filter((n) => !except.includes(n) && CONTENT_TYPES[extname(n)]);
  return new Map(await Promise.all(names.map(async (n) => [n, await loadAsset(dir, n)] as const)));
}

export default async function gadgetRoutes(app: FastifyInstance): Promise<void> {
  // The built gadget (its loader, main module and styles), and the test page's files (index.html is
  // served as /test-gadget.html instead).
  const [built, page, assets] = await Promise.all([
    loadAssets(BUILT_DIR),
    loadAsset(TEST_PAGE_DIR, 'index.html'),
    loadAssets(TEST_PAGE_DIR, ['index.html']),
  ]);

  const serve = (asset: Asset) => async (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', CACHE_CONTROL).type(asset.type).send(asset.body);

  // Static files: not part of the API document.
  const hidden = { schema: { hide: true } };
  app.get('/test-gadget.html', hidden, serve(page));
  for (const [prefix, files] of [['/gadget/', built], ['/test-gadget/', assets]] as const) {
    app.get<{ Params: { file: string } }>(`${prefix}:file`, hidden, async (req, reply) => {
      // Only names found at start-up are served, so no request path can reach another file.
      const asset = files.get(req.params.file);
      if (asset === undefined) return reply.callNotFound();
      return serve(asset)(req, reply);
    });
  }
}
