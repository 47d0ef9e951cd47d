// The panel framework: every panel is a pure view of the run's trace + final state (the stores),
// registered here once. Later panels (Memory, Tasks, FFI/Layout, Threads, Metrics) add one entry.
import type { ComponentType } from 'react';
import { OutputPanel } from './OutputPanel';
import { ProblemsPanel, useProblemsBadge } from './ProblemsPanel';
import { PanicPanel, usePanicBadge } from './PanicPanel';
import { MemoryPanel } from './MemoryPanel';
import { TasksPanel } from './TasksPanel';
import { FfiPanel } from './FfiPanel';
import { LayoutPanel } from './LayoutPanel';
import { MetricsPanel } from './MetricsPanel';
import { ConsolePanel } from './ConsolePanel';
import { GeneratedJsPanel } from './GeneratedJsPanel';

export interface PanelDef {
  id: string;
  title: string;
  component: ComponentType;
  /** A small count or mark beside the tab title (a hook: called on every render of the tab bar). */
  useBadge?: () => string | null;
  /** What the badge means, for screen readers ("7" → "7 errors"); the tab's name keeps it apart. */
  badgeLabel?: (badge: string) => string;
  /** Shown in embed mode. */
  embed?: boolean;
}

export const PANELS: readonly PanelDef[] = [
  { id: 'output', title: 'Output', component: OutputPanel, embed: true },
  { id: 'problems', title: 'Problems', component: ProblemsPanel, useBadge: useProblemsBadge, badgeLabel: (n) => `${n} ${n === '1' ? 'error' : 'errors'}` },
  { id: 'panic', title: 'Panic', component: PanicPanel, useBadge: usePanicBadge, badgeLabel: (b) => (b === '!' ? 'panicked' : `panics: ${b}`) },
  { id: 'memory', title: 'Memory', component: MemoryPanel },
  { id: 'tasks', title: 'Tasks', component: TasksPanel },
  { id: 'ffi', title: 'FFI', component: FfiPanel },
  { id: 'layout', title: 'C layout', component: LayoutPanel },
  { id: 'metrics', title: 'Metrics', component: MetricsPanel },
  { id: 'console', title: 'Console', component: ConsolePanel },
  { id: 'generated-js', title: 'Generated JS', component: GeneratedJsPanel },
];
