import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { Quote } from '../../server/src/analysis/model';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

/** The quotes in quotation marks (not reported speech) of a text, as written. */
function quotes(text: string): Quote[] {
  return analyze(text).quotes.filter((q) => q.kind !== 'reported');
}
const texts = (text: string) => quotes(text).map((q) => q.text);

describe('quotes', () => {
  it('are spans in double quotation marks, curly or straight, marks included', () => {
    assert.deepEqual(texts('He said: “We will stay.”\n\nShe said: "We will go."\n'), ['“We will stay.”', '"We will go."']);
  });

  it('are spans in single quotation marks, curly or straight', () => {
    assert.deepEqual(texts('North Korea puts military in \'quasi-state of war\'\n'), ["'quasi-state of war'"]);
    const sub = quotes(sample).find((q) => q.text.startsWith('‘US military'));
    assert.equal(sub?.text, '‘US military presence in Iraq meant to ensure Israel’s security’');
  });

  it('keep apostrophes out: don’t, Iraq’s, ’90s, rock ’n’ roll, the students’ union', () => {
    assert.deepEqual(texts('We don’t know Iraq’s plans. In the ’90s rock ’n’ roll was back, and the students’ union agreed.\n'), []);
    assert.deepEqual(texts("In the '90s the students' union said it didn't matter.\n"), []);
  });

  it('a quote over several sentences is one span', () => {
    const q = quotes(sample).find((x) => x.text.startsWith('“This case'));
    assert.equal(q?.text, '“This case has been reopened. The former Iraqi administration had sought to keep relevant facts under wraps at the United States command.”');
    assert.equal(q?.kind, 'direct');
  });

  it('an interrupted quote is two spans: “Yes,” he said, “we will.”', () => {
    assert.deepEqual(texts('Maria Lopez was asked about the plan.\n\n“Yes,” she said, “we will.”\n'), ['“Yes,”', '“we will.”']);
  });

  it('partial quotes inside the writer’s sentence are kind partial', () => {
    const q = quotes(sample).find((x) => x.text === '“traumatic brain injuries”');
    assert.equal(q?.kind, 'partial');
    assert.equal(quotes(sample).find((x) => x.text === '“first slap.”')?.kind, 'partial');
  });

  it('whole quoted sentences are kind direct', () => {
    const q = quotes(sample).find((x) => x.text.startsWith('“Kadhimi'));
    assert.equal(q?.kind, 'direct');
  });

  it('a quote continued in the next paragraph: each paragraph’s part is its own span', () => {
    const text = 'Boswell said: "People need quicker decisions.\n\n"No one should be refused because of a form."\n';
    assert.deepEqual(texts(text), ['"People need quicker decisions.', '"No one should be refused because of a form."']);
  });

  it('a quote never closed ends with its paragraph and does not swallow the article', () => {
    const text = 'He said "this never ends.\n\nThe next paragraph is the writer’s own.\n\nSo is this one, with "a real quote" in it.\n';
    assert.deepEqual(texts(text), ['"this never ends.', '"a real quote"']);
  });

  it('titles of works and names in quotation marks are not quotes', () => {
    const text = 'The attack was launched by a user labelled "Anonymous", on the website "Insurgency Wiki". '
      + 'One screen print was called "Cowboys and Indians" and the team named their robot "Robogee."\n';
    assert.deepEqual(texts(text), []);
  });

  it('a short answer in capitals next to a verb of saying is still speech', () => {
    assert.deepEqual(texts('“Absolutely,” she said.\n'), ['“Absolutely,”']);
  });

  it('headlines in a list of sources are titles, not quotes', () => {
    const text = '"Sensitive government document found on rainy Ottawa street" — CBC.ca, August 15, 2008\n';
    assert.deepEqual(texts(text), []);
  });
});
