// E0022 messages: the real-Vex (or neighbouring-language) constructs the parser rejects, each named,
// with what to write instead.
import { MSG, type Message } from '../msg';
/** What the playground says about a real-Vex construct it does not have (E0022): the construct by
 *  name, and what to write instead. */
export function unsupportedConstruct(k: string): Message<'E0022'> {
  switch (k) {
    case 'new': return MSG.E0022.newExpression();
    case 'make': return MSG.E0022.makeCall();
    case 'select': return MSG.E0022.select();
    case 'gpu': case 'launch': return MSG.E0022.gpuKernels({ keyword: k });
    case 'try': return MSG.E0022.tryBlock();
    case 'policy': return MSG.E0022.policyItem();
    case 'with': return MSG.E0022.withHead();
    default: return MSG.E0022.cannotAppearHere({ keyword: k });
  }
}
