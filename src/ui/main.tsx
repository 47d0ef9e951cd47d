// Entry: restore the session (link > autosave > default), start persistence and the workers,
// apply theme/presentation, and render the playground or the embed view.
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EmbedApp } from './embed/EmbedApp';
import { parseEmbedOptions } from './embed/embed-options';
import { applySession, loadInitialSession, startPersistence } from './state/persistence';
import { startWorkers, runProgram } from './run/controller';
import { useSettings, followTheme } from './state/settings-store';
import { useRun } from './state/run-store';
import { useScrub } from './state/scrub-store';
import { useUi } from './state/ui-store';
import './styles.css';

// the stores, for the views benchmark (scripts/bench-views.ts loads a synthetic trace into them)
// and the e2e specs that set the trace position or load a trace (heapmap, ffi-window)
(window as unknown as { __vexStores?: unknown }).__vexStores = { useRun, useScrub, useUi };

// start fetching Monaco's chunk now, in parallel with the first render (a textarea stands in)
void import('./editor/EditorPane');

const embed = new URLSearchParams(location.search).get('embed') === '1';
const embedOptions = parseEmbedOptions(location.search);

// an embed never shows (or overwrites) the visitor's own autosaved session
applySession(loadInitialSession(location.hash, !embed));
startPersistence({ autosave: !embed, updateHash: !embed });
startWorkers();
if (embed) document.documentElement.classList.add('embed-page');
if (embed && embedOptions.theme) useSettings.setState({ theme: embedOptions.theme }); // this page only, not saved
if (embed && embedOptions.autorun) runProgram();

function Root() {
  const theme = useSettings((s) => s.theme);
  const presentation = useSettings((s) => s.presentation);
  useEffect(() => followTheme(theme, (t) => { document.documentElement.dataset.theme = t; }), [theme]);
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', presentation && !embed);
  }, [presentation]);
  // Ctrl/Cmd+Enter runs from anywhere on the page, not only inside the editor
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        const inEditor = (e.target as HTMLElement | null)?.closest?.('.monaco-editor');
        if (!inEditor) { e.preventDefault(); runProgram(); }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return embed ? <EmbedApp options={embedOptions} /> : <App />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
