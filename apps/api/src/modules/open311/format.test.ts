import { describe, expect, it } from 'vitest';
import { render, renderObject, toOpen311Error } from './format.js';
import { AppError } from '../../platform/errors.js';
import { parseStrictXml } from '../../../test/strict-xml.js';

describe('Open311 XML', () => {
  it('never writes a character XML 1.0 forbids, whatever a stored text holds', () => {
    const xml = render('xml', 'service_requests', 'request', [{ description: 'a\u0000b\u0008c\u001bd\ud800e\udfff\ufffe\uffff f\u{1F600}\t\n\r<&>' }]);
    expect(xml).toContain('<description>abcde f\u{1F600}\t\n\r&lt;&amp;&gt;</description>');
    expect(parseStrictXml(xml).children[0]!.children[0]).toMatchObject({ name: 'description', text: 'abcde f\u{1F600}\t\n\n<&>' });
    expect(() => parseStrictXml('<a>\u0007</a>')).toThrow(/not well-formed/);
    expect(renderObject('xml', 'x', { note: '\u0001' })).toContain('<note></note>');
    parseStrictXml(renderObject('xml', 'x', { note: '\u0001', list: ['a\u0002', null] }));
    // JSON answers keep the text: JSON.stringify escapes every control character.
    expect(render('json', 'r', 'r', [{ d: 'a\u0000' }])).toBe('[{"d":"a\\u0000"}]');
  });

  it("answers the app's validation errors in Open311 terms, naming the field", () => {
    const e = toOpen311Error(new AppError('VALIDATION_FAILED', 'x', { fields: [{ field: 'description', rule: 'too_long', params: { max: 2000 } }] }));
    expect(e).toMatchObject({ status: 400, code: 400, description: 'description: Description must be at most 2000 characters' });
    expect(toOpen311Error(new AppError('PAYLOAD_TOO_LARGE', 'x'))).toMatchObject({ status: 413, code: 413 });
    expect(toOpen311Error(new Error('boom'))).toBeNull();
  });
});
