// Builds what runs: the renderer (Vite) and, unless --renderer, Electron's main and preload (esbuild).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const rendererOnly = process.argv.includes('--renderer');

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

if (!rendererOnly) {
  const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' };
  await Promise.all([
    esbuild({ ...common, entryPoints: ['main/electron/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron'] }),
    // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
    esbuild({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] }),
  ]);
}
