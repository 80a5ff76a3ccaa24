import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: the platform-neutral core, the HiGHS adapter, the report renderers, and the
    // Node-only file readers (binome/io).
    entry: { index: 'src/index.ts', highs: 'src/highs.ts', report: 'src/report/index.ts', io: 'src/io/index.ts' },
    // The HiGHS adapter loads the optional peer dependency at run time; never bundle it.
    external: ['highs'],
    format: ['esm', 'cjs'],
    // Shared code goes to common chunks in both formats, so that an error thrown by binome/io is
    // an instance of the class exported by binome (one copy of each class).
    splitting: true,
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    sourcemap: true,
    clean: true,
  },
  {
    // The `binome` executable: one ESM file with a shebang, dependencies left to node_modules.
    entry: { cli: 'src/cli/main.ts' },
    external: ['highs'],
    format: ['esm'],
    dts: false,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { __BINOME_VERSION__: JSON.stringify(version) },
  },
]);
