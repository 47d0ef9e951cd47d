// Vite build for the static playground site. Only Monaco's core editor worker is bundled (see
// src/ui/editor/monaco.ts): no TS/CSS/HTML/JSON language services.
import { defineConfig, type Plugin } from 'vite';
import { buildSync } from 'esbuild';
import react from '@vitejs/plugin-react';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function buildHash(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** embed.js for docs sites: one classic script (IIFE, no imports), served in dev and emitted at the
 *  site's root in a build, so `<script src=".../embed.js">` works from any origin. */
function embedScript(): Plugin {
  const bundle = () =>
    buildSync({
      entryPoints: ['src/ui/embed/embed-script.ts'],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      write: false,
    }).outputFiles[0].text;
  return {
    name: 'vex-embed-script',
    configureServer(server) {
      server.middlewares.use('/embed.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(bundle());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: bundle() });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), embedScript()],
  define: {
    __VEX_VERSION__: JSON.stringify(pkg.version),
    __VEX_BUILD__: JSON.stringify(buildHash()),
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  // Cross-origin isolation enables SharedArrayBuffer, which carries SIGINT to a busy run worker.
  // A host without these headers still works: only the SIGINT button is hidden.
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolationHeaders },
});
