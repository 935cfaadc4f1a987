// Facts package.json holds (version, licence), read once: from src/config/ under tsx and from dist/config/ when
// built, both two levels below the repository root, where package.json sits in every deployment.

import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; license: string };

export const VERSION: string = pkg.version;
/** An SPDX licence identifier. */
export const LICENSE: string = pkg.license;
