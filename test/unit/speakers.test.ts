import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { Annotations, Quote } from '../../server/src/analysis/model';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const khazali = analyze(sample);

function find(a: Annotations, start: string, kind?: Quote['kind']): Quote {
  const q = a.quotes.find((x) => x.text.startsWith(start) && (!kind || x.kind === kind));
  assert.ok(q, `no quote starting ${start}`);
  return q;
}
/** The speaker's entity name, or '?'. */
function speaker(a: Annotations, q: Quote): string {
  return q.speaker ? a.entities[q.speaker.entity].name : '?';
}
/** The attribution words as written. */
function cue(text: string, q: Quote): string {
  return q.cue ? text.slice(q.cue.start, q.cue.end) : '';
}
/** The text of the mention the speaker is linked to. */
function linked(a: Annotations, q: Quote): string {
  return q.speaker ? a.mentions[q.speaker.mention].text : '';
}

describe('speakers', () => {
  it('a cue verb after the quote with a pronoun resolves to the person last spoken of: “…,” he said', () => {
    const q = find(khazali, '“Kadhimi');
    assert.match(speaker(khazali, q), /Khazali/);
    assert.equal(cue(sample, q), 'he said');
    assert.equal(q.speaker?.via, 'pronoun');
    assert.equal(linked(khazali, q), 'Qais al-Khazali');
  });

  it('a name before a verb after the quote: “…,” Khazali regretted', () => {
    const q = find(khazali, '“The issue of negotiating');
    assert.match(speaker(khazali, q), /Khazali/);
    assert.equal(cue(sample, q), 'Khazali regretted');
    assert.equal(q.speaker?.via, 'cue');
  });

  it('an inverted attribution: “…,” said Ambassador Mohib', () => {
    const text = 'Afghan Ambassador Hamdullah Mohib met the team.\n\n"Seventeen years ago, this would not have been possible at all," said Ambassador Mohib.\n';
    const a = analyze(text);
    const q = find(a, '"Seventeen');
    assert.match(speaker(a, q), /Mohib/);
    assert.equal(linked(a, q), 'Mohib');
  });

  it('"according to X" attributes a quote in its sentence', () => {
    const q = find(khazali, '“traumatic brain injuries”');
    assert.match(speaker(khazali, q), /Pentagon/);
    assert.equal(cue(sample, q), 'according to the Pentagon'.replace('a', 'A'));
  });

  it('"X described … as “…”" attributes the quote to X', () => {
    const q = find(khazali, '“first slap.”');
    assert.equal(speaker(khazali, q), 'Iran');
  });

  it('a quote with no attribution continues the previous speaker’s turn (next paragraph, next sentence)', () => {
    const next = find(khazali, '“This case has been reopened');
    assert.match(speaker(khazali, next), /Khazali/);
    assert.equal(next.speaker?.via, 'turn');
    const same = find(khazali, '“Iraq is well-capable');
    assert.match(speaker(khazali, same), /Khazali/);
    assert.equal(same.speaker?.via, 'turn');
  });

  it('a sub-headline quote is linked to the body’s attribution of the same words', () => {
    const q = find(khazali, '‘US military presence');
    assert.match(speaker(khazali, q), /Khazali/);
    assert.equal(q.speaker?.via, 'headline');
  });

  it('both halves of an interrupted quote have the same speaker', () => {
    const text = 'Maria Lopez was asked about the plan.\n\n“Yes,” she said, “we will.”\n';
    const a = analyze(text);
    assert.match(speaker(a, find(a, '“Yes')), /Lopez/);
    assert.match(speaker(a, find(a, '“we will')), /Lopez/);
  });

  it('an appositive between the name and the verb: "Paul Dewar, an Ottawa MP, said"', () => {
    const text = 'Paul Dewar, an Ottawa New Democrat MP, said: "This government is so consumed with control."\n';
    const a = analyze(text);
    assert.equal(speaker(a, find(a, '"This government')), 'Paul Dewar');
  });

  it('"X of Y dubbed …: “…”" is said by X, not by Y', () => {
    const text = 'Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the conflict: "Scientology vs. the Internet, part XVII".\n';
    const a = analyze(text);
    assert.equal(speaker(a, find(a, '"Scientology vs')), 'Matthew Ingram');
  });

  it('a partial quote inside reported speech has the reported speaker', () => {
    const q = find(khazali, '“revalidate US deterrence equation”');
    assert.match(speaker(khazali, q), /Khazali/);
  });

  it('words said by no one the text names have no speaker', () => {
    const text = 'One poster wrote that "this is only the beginning of a long fight."\n\nThe girls were granted "parole" status.\n';
    const a = analyze(text);
    for (const q of a.quotes.filter((x) => x.kind !== 'reported')) assert.equal(q.speaker, undefined, q.text);
  });

  it('a description resolves to the person it describes: "The Asa’ib Ahl al-Haq chief highlighted …"', () => {
    const r = find(khazali, '2,500 US combat forces', 'reported');
    assert.match(speaker(khazali, r), /Khazali/);
    assert.equal(r.speaker?.via, 'description');
  });

  it('an inverted attribution with a lowercase role before the name: “…,” said councillor Helen Hayden', () => {
    const text = "'This is a good day for everyone who wants cleaner air,' said councillor Helen Hayden, the executive member for infrastructure. 'We listened, and we changed the plans.'\n";
    const a = analyze(text);
    const first = find(a, "'This is a good day");
    assert.equal(speaker(a, first), 'Helen Hayden');
    assert.equal(cue(text, first), 'said councillor Helen Hayden');
    assert.equal(speaker(a, find(a, "'We listened")), 'Helen Hayden');
  });

  it('a country’s institution named by its demonym speaks for the country: “The Rwandan government said …”', () => {
    const text = 'Flights from the United Kingdom to Rwanda were grounded.\n\nThe Rwandan government said it remained "fully committed" to the partnership.\n';
    const a = analyze(text);
    assert.equal(speaker(a, find(a, '"fully committed"')), 'Rwanda');
    assert.equal(speaker(a, find(a, 'it remained', 'reported')), 'Rwanda');
  });
});
