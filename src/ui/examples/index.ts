// Example sources for the UI (bundled with ?raw), keyed by the catalog.
import { EXAMPLES, type ExampleMeta } from './catalog';

const sources = import.meta.glob<string>('./*.vx', { eager: true, query: '?raw', import: 'default' });

export interface Example extends ExampleMeta {
  source: string;
}

export const EXAMPLE_LIST: Example[] = EXAMPLES.map((m) => ({ ...m, source: sources[`./${m.id}.vx`] ?? '' }));

export const DEFAULT_PROGRAM: string = sources['./hello.vx'] ?? 'fn main() {\n    println("hello");\n}\n';
