import { compile } from './src/lang/compile';
import { readFileSync } from 'node:fs';
const c = compile([{ name: 'q.vx', text: readFileSync('/tmp/lead/q.vx', 'utf8') }]);
console.log((c.program as any)?.js ?? Object.keys(c.program ?? {}));
