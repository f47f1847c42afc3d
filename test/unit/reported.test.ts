import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { Annotations } from '../../server/src/analysis/model';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const khazali = analyze(sample);

/** Reported spans as written. */
function reported(a: Annotations): string[] {
  return a.quotes.filter((q) => q.kind === 'reported').map((q) => q.text);
}
function speakerOf(a: Annotations, start: string): string {
  const q = a.quotes.find((x) => x.kind === 'reported' && x.text.startsWith(start));
  assert.ok(q, `no reported span starting ${start}`);
  return q.speaker ? a.entities[q.speaker.entity].name : '?';
}

describe('reported speech', () => {
  it('is the content clause of "X said that …", without "that"', () => {
    assert.ok(reported(khazali).includes('the deployment of US military forces in Iraq is meant to ensure the security of the occupying Israeli regime'));
    assert.match(speakerOf(khazali, 'the deployment'), /Khazali/);
  });

  it('works without "that" and after an addressee: "told CBC News the department will …"', () => {
    const a = analyze('Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into the incident.\n');
    assert.deepEqual(reported(a), ['the department will look into the incident']);
    assert.equal(speakerOf(a, 'the department'), 'Sujata Raisinghani');
  });

  it('takes a parenthetical attribution: "However, he said, …" and "…, he added."', () => {
    assert.ok(reported(khazali).includes('the withdrawal of American troops from Iraq is out of the question, and Americans are well aware of the matter'));
    assert.ok(reported(khazali).includes('Some 1,500 US soldiers are also set to be dispatched to Syria from Harir Air Base in Iraq’s semi-autonomous Kurdistan region'));
  });

  it('an interrupted report is two spans: "Institutional recipients, said Mauer, are required …"', () => {
    const a = analyze('K.C. Maurer spoke to us. Institutional recipients, said Maurer, are required to exhibit their photographs.\n');
    assert.deepEqual(reported(a), ['Institutional recipients', 'are required to exhibit their photographs']);
  });

  it('a partial quote inside a reported clause is annotated as both', () => {
    const text = 'New Zealand Prime Minister John Key said he believes redesigning the flag now has a "strong rationale".\n';
    const a = analyze(text);
    assert.deepEqual(reported(a), ['he believes redesigning the flag now has a "strong rationale"']);
    assert.ok(a.quotes.some((q) => q.kind === 'partial' && q.text === '"strong rationale"'));
  });

  it('two coordinated verbs report two clauses: "claimed X and claim Y"', () => {
    const a = analyze('The Church of Scientology denied the claims. They also claimed Paris was a volunteer and claim she has a vested interest.\n');
    assert.deepEqual(reported(a), ['Paris was a volunteer', 'she has a vested interest']);
  });

  it('needs a speaker the text names: not "officials tell …" or "some individuals reported …"', () => {
    const a = analyze('Officials tell BBC News every claim will be assessed. Some individuals reported that the site was down.\n');
    assert.deepEqual(reported(a), []);
  });

  it('is not "according to X", a verb of perception, a passive, a negation or an infinitive request', () => {
    const text = 'According to Kristen Wilkins, Warhol was able to reproduce the photograph. '
      + 'Wikinews observed the exhibit features Polaroids. '
      + 'In 1995, she was told to disconnect from her mother. '
      + 'U.S. officials have not said why the team was denied visas. '
      + 'President Donald Trump personally asked the National Security Council to help the girls.\n';
    assert.deepEqual(reported(analyze(text)), []);
  });

  it('a direct quote right after the verb is a quote, not reported speech', () => {
    const a = analyze('Undersecretary Gabriele Toccafondi says "many schools will increase their fees."\n');
    assert.deepEqual(reported(a), []);
  });

  it('a description in an opening sentence resolves to the person named next', () => {
    assert.match(speakerOf(khazali, 'the former Iraqi government was ordered'), /Khazali/);
  });

  it('is not a noun phrase object: "reported a 12% drop in revenue" reports a thing, not a clause', () => {
    const a = analyze('Rival Advanced Micro Devices reported a 12% drop in quarterly revenue on Tuesday.\n');
    assert.deepEqual(reported(a), []);
  });

  it('a second verb of saying joined by "but" has the first one’s subject: “said …, but insisted that …”', () => {
    const a = analyze('Home Secretary Priti Patel said she was "disappointed" by the ruling but insisted that the government would not be deterred.\n');
    assert.ok(reported(a).includes('the government would not be deterred'));
    assert.equal(speakerOf(a, 'the government would not'), 'Priti Patel');
  });
});
