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

/** Start fetching the editor while index.js runs: the lazily imported editor chunk (with its
 *  static imports and CSS) and Monaco's codicon font would otherwise be requested only after
 *  index.js has loaded and rendered (issue #12: typing-ready editor sooner on a cold load). */
function preloadEditor(): Plugin {
  return {
    name: 'vex-preload-editor',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const editor = chunks.find((c) => c.facadeModuleId?.endsWith('/EditorPane.tsx'));
        if (!editor) throw new Error('preloadEditor: the EditorPane chunk is missing from the build');
        const entry = chunks.find((c) => c.isEntry);
        const files = [editor.fileName, ...editor.imports.filter((f) => f !== entry?.fileName)];
        const css = [...(editor.viteMetadata?.importedCss ?? [])];
        const fonts = Object.values(bundle).filter((a) => a.type === 'asset' && /codicon.*\.ttf$/.test(a.fileName)).map((a) => a.fileName);
        return [
          ...files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...css.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
          ...fonts.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/ttf', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), embedScript(), preloadEditor()],
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
