// Monaco is a large chunk: load it in parallel with the page and show a working textarea until
// it is ready, so the editor accepts typing right away.
import { lazy, Suspense } from 'react';
import { PlainEditor } from './PlainEditor';

const EditorPane = lazy(() => import('./EditorPane').then((m) => ({ default: m.EditorPane })));

export function LazyEditor({ compact = false }: { compact?: boolean }) {
  return (
    <Suspense fallback={<PlainEditor />}>
      <EditorPane compact={compact} />
    </Suspense>
  );
}
