import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', highs: 'src/highs.ts' },
  // The HiGHS adapter loads the optional peer dependency at run time; never bundle it.
  external: ['highs'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  clean: true,
});
