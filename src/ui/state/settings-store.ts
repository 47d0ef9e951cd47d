// Run settings (shared in links) and display preferences (theme, presentation mode).
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type RunSettings } from './settings-model';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface SettingsState {
  settings: RunSettings;
  theme: ThemeChoice;
  presentation: boolean;
  setSettings(s: Partial<RunSettings>): void;
  setTheme(t: ThemeChoice): void;
  setPresentation(on: boolean): void;
}

const PREFS_KEY = 'vex-playground:prefs';

function loadPrefs(): { theme: ThemeChoice; presentation: boolean } {
  try {
    const raw = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Record<string, unknown>;
    const theme = raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system';
    return { theme, presentation: raw.presentation === true };
  } catch {
    return { theme: 'system', presentation: false };
  }
}

function savePrefs(p: { theme: ThemeChoice; presentation: boolean }) {
  try { localStorage.setItem(PREFS_KEY, JSON.stringify(p)); } catch { /* storage full or blocked */ }
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  ...loadPrefs(),
  setSettings: (s) => set({ settings: { ...get().settings, ...s } }),
  setTheme: (theme) => { set({ theme }); savePrefs({ theme, presentation: get().presentation }); },
  setPresentation: (presentation) => { set({ presentation }); savePrefs({ theme: get().theme, presentation }); },
}));

/** The effective theme, resolving "system" with the media query. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the effective theme now and whenever the system theme changes; returns the unsubscribe. */
export function followTheme(choice: ThemeChoice, apply: (theme: 'light' | 'dark') => void): () => void {
  const update = () => apply(resolveTheme(choice));
  update();
  if (typeof matchMedia !== 'function') return () => {};
  const mq = matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', update);
  return () => mq.removeEventListener('change', update);
}
