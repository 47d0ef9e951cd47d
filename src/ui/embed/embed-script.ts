// embed.js — the drop-in script for docs sites. A page that includes
//   <script src="https://…/embed.js" defer></script>
// gets every <pre><code class="language-vex"> block turned into a runnable, editable snippet: an
// iframe of this playground in embed mode (Run, Reset, output below, "Open in playground"), sized to
// its content through the embed's height messages. Options come from data- attributes on the <pre>
// or the <code> (data-autorun, data-readonly, data-panel, data-theme, data-lines, data-hide);
// lines written `# code` are compiled but hidden, as mdBook hides them in Rust blocks.
// Built by vite.config.ts as one classic script (no imports), so it works from any origin.
import { embedQuery, parseEmbedOptions, stripHiddenLines, type EmbedToHost } from './embed-options';
import { hashForSession } from '../share/session';
import { DEFAULT_SETTINGS } from '../state/settings-model';

const SELECTOR = 'pre > code.language-vex, pre > code.lang-vex';

function optionsOf(pre: HTMLElement, code: HTMLElement, id: string): string {
  const attr = (name: string) => code.getAttribute(`data-${name}`) ?? pre.getAttribute(`data-${name}`);
  const q = new URLSearchParams();
  for (const name of ['autorun', 'readonly', 'panel', 'theme', 'lines', 'hide']) {
    const v = attr(name);
    if (v !== null) q.set(name, v === '' ? '1' : v); // a bare attribute means "on"
  }
  return embedQuery({ ...parseEmbedOptions(`?${q}`), id });
}

function mount(base: string, code: HTMLElement, n: number): void {
  const pre = code.parentElement as HTMLElement;
  const { code: text, hidden } = stripHiddenLines(code.textContent ?? '');
  const id = `vex-${n}`;
  const query = optionsOf(pre, code, id) + (hidden.length ? `&hidden=${hidden.join(',')}` : '');
  const session = { files: [{ name: 'main.vx', text }], active: 'main.vx', settings: DEFAULT_SETTINGS };
  const frame = document.createElement('iframe');
  frame.src = `${base}${query}${hashForSession(session)}`;
  frame.title = 'Runnable Vex example';
  frame.loading = 'lazy';
  frame.dataset.vexEmbed = id;
  const visible = text.split('\n').length - hidden.length;
  frame.style.cssText = `width:100%;border:1px solid #d0d7de;border-radius:6px;display:block;height:${Math.min(30, Math.max(3, visible)) * 20 + 140}px`;
  const box = document.createElement('div');
  box.className = 'vex-embed';
  box.appendChild(frame);
  pre.replaceWith(box);
}

function start(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = new URL('./', script?.src || location.href).href;
  const init = () => document.querySelectorAll<HTMLElement>(SELECTOR).forEach((c, i) => mount(base, c, i + 1));
  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as EmbedToHost | null;
    if (!m || m.type !== 'vex-embed:height' || typeof m.height !== 'number') return;
    for (const f of document.querySelectorAll<HTMLIFrameElement>('iframe[data-vex-embed]')) {
      if (f.contentWindow === e.source) f.style.height = `${Math.max(80, Math.min(5000, Math.ceil(m.height) + 2))}px`;
    }
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}

start();
