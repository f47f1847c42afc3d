// The error boundary around every request.
import assert from 'node:assert/strict';
import { guarded, shapeOf } from '../../server/src/boundary';

const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

describe('the error boundary', () => {
  it('answers a failing request with its fallback and logs what failed', () => {
    const logged: string[] = [];
    const handler = guarded('hover', { error: (m) => logged.push(m) }, () => 'file document (.article)', null, () => {
      throw new RangeError('boom');
    });
    assert.equal(handler({}, token), null);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /hover failed on file document \(\.article\).*RangeError: boom/s);
  });

  it('does not run a request already cancelled', () => {
    let ran = false;
    const handler = guarded('hover', { error: () => undefined }, () => '', 'empty', () => { ran = true; return 'full'; });
    assert.equal(handler({}, { ...token, isCancellationRequested: true }), 'empty');
    assert.equal(ran, false);
  });

  it('logs a request’s shape, never the article’s text', () => {
    const shape = shapeOf(
      { textDocument: { uri: 'file:///home/reporter/secret-source.article' }, position: { line: 3, character: 7 } },
      () => ({ version: 4, length: 1200, lines: 30 }),
    );
    assert.equal(shape, 'file document (.article), version 4, 1200 UTF-16 units, 30 lines, at {"line":3,"character":7}');
    assert.ok(!shape.includes('secret-source'));
  });
});
