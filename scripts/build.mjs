// Bundles the tutor into plain JS: a bundled Ink app reaches its first frame in about half
// the time of an unbundled one, and start-up is part of the experience.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'bench/index.ts', out: 'bench' },
  { in: 'bench/ink-hello.tsx', out: 'ink-hello' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  // Separate chunks for dynamic imports: `kubetutor script` never loads Ink and React, and
  // Ink's devtools chunk (which imports the absent react-devtools-core) is never loaded.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  // React's production build: the development one checks and warns on every render.
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kt_createRequire } from 'node:module';\nconst require = __kt_createRequire(import.meta.url);",
  },
  // react-devtools-core is an optional peer of ink that is only loaded with DEV=true.
  external: ['react-devtools-core'],
});
