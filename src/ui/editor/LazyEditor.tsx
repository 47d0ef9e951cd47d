// Monaco is a large chunk: load it in parallel with the page and show a working textarea until
// it is ready, so the editor accepts typing right away.
import { lazy, Suspense } from 'react';
import { PlainEditor } from './PlainEditor';
import type { EditorOptions } from './EditorPane';

const EditorPane = lazy(() => import('./EditorPane').then((m) => ({ default: m.EditorPane })));

export function LazyEditor(props: EditorOptions) {
  return (
    <Suspense fallback={<PlainEditor readOnly={props.readOnly} />}>
      <EditorPane {...props} />
    </Suspense>
  );
}
