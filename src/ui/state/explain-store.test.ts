import { describe, it, expect } from 'vitest';
import { codeOfExplainLink, explainLink, useExplain } from './explain-store';

describe('explain links', () => {
  it('a marker link carries its code and gives it back, whatever Monaco does to the slashes or case', () => {
    expect(explainLink('E0113')).toBe('vex-explain:E0113');
    expect(codeOfExplainLink(explainLink('E0113'))).toBe('E0113');
    expect(codeOfExplainLink('vex-explain:///w0103')).toBe('W0103');
  });
  it('other links are not ours (the default opener handles them)', () => {
    expect(codeOfExplainLink('https://example.com/E0113')).toBeNull();
    expect(codeOfExplainLink('vex-explain:E01')).toBeNull();
    expect(codeOfExplainLink('file:///main.vx')).toBeNull();
  });
  it('the store opens and closes the dialog', () => {
    useExplain.getState().explain('E0110');
    expect(useExplain.getState().code).toBe('E0110');
    useExplain.getState().close();
    expect(useExplain.getState().code).toBeNull();
  });
});
