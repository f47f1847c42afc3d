// Entity mentions and entities, as GUIDELINES.md defines them: clean spans, types, grouping.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { Annotations, Entity, EntityType } from '../../server/src/analysis/model';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

/** The mentions of one text as "Type:text" strings, in text order. */
function mentions(text: string): string[] {
  return analyze(text).mentions.map((m) => `${m.type}:${m.text}`);
}

function entity(a: Annotations, name: string): Entity {
  const e = a.entities.find((x) => x.name === name);
  assert.ok(e, `no entity named ${name}; got ${a.entities.map((x) => x.name).join(', ')}`);
  return e;
}

function has(text: string, type: EntityType, name: string): void {
  assert.ok(mentions(text).includes(`${type}:${name}`), `${type}:${name} not in ${JSON.stringify(mentions(text))}`);
}

describe('entities', () => {
  const a = analyze(sample);

  it('every mention’s text is its slice of the article, and mentions are in text order', () => {
    for (const m of a.mentions) assert.equal(sample.slice(m.start, m.end), m.text);
    for (let i = 1; i < a.mentions.length; i++) assert.ok(a.mentions[i - 1].start < a.mentions[i].start);
    for (const [i, m] of a.mentions.entries()) assert.ok(a.entities[m.entity].mentions.includes(i));
  });

  it('leaves a title out of the span and keeps it as a role: "then-President Donald Trump"', () => {
    const trump = entity(a, 'Donald Trump');
    assert.equal(trump.type, 'Person');
    assert.deepEqual(trump.roles, ['President']);
    const soleimani = entity(a, 'Qassem Soleimani');
    assert.ok(soleimani.roles.includes('Lieutenant General'));
    assert.ok(!a.mentions.some((m) => /President|General/.test(m.text)));
  });

  it('keeps a role written in apposition or as a description: "leader of Asa’ib Ahl al-Haq"', () => {
    assert.ok(entity(a, 'Qais al-Khazali').roles.includes('leader of Asa’ib Ahl al-Haq'));
    assert.ok(entity(a, 'Abu Mahdi al-Muhandis').roles.includes('second-in-command of Popular Mobilization Units'));
  });

  it('leaves a possessive out: "Iraq’s" -> "Iraq"', () => {
    const at = sample.indexOf('Iraq’s');
    const m = a.mentions.find((x) => x.start === at);
    assert.equal(m?.text, 'Iraq');
    assert.equal(m?.type, 'Place');
  });

  it('takes the name out of a hyphenated compound: "US-run" -> "US", "pro-Beijing" -> "Beijing"', () => {
    const at = sample.indexOf('US-run');
    assert.equal(a.mentions.find((x) => x.start === at)?.text, 'US');
    assert.deepEqual(mentions('The pro-Beijing camp won, and anti-Pyongyang leaflets fell.'), ['Place:Beijing', 'Place:Pyongyang']);
  });

  it('keeps names with particles, hyphens and curly apostrophes whole', () => {
    for (const name of ['Asa’ib Ahl al-Haq', 'Abu Mahdi al-Muhandis', 'Qais al-Khazali', 'al-Iraqiya']) {
      assert.ok(a.mentions.some((m) => m.text === name), name);
    }
    has('Kevin De Bruyne passed to Kim Jong-un.', 'Person', 'Kevin De Bruyne');
    has('Kevin De Bruyne passed to Kim Jong-un.', 'Person', 'Kim Jong-un');
  });

  it('joins a surname used alone to the full name: "Khazali" -> "Qais al-Khazali"', () => {
    const khazali = entity(a, 'Qais al-Khazali');
    assert.equal(khazali.type, 'Person');
    assert.ok(khazali.aliases.includes('Khazali'));
    assert.equal(khazali.mentions.length, 3);
  });

  it('joins an acronym to the name it is introduced with: "Islamic Revolution Guards Corps (IRGC)"', () => {
    const irgc = entity(a, 'Islamic Revolution Guards Corps');
    assert.equal(irgc.type, 'Organization');
    assert.deepEqual(irgc.aliases, ['IRGC']);
    assert.equal(irgc.mentions.length, 3);
    assert.deepEqual(entity(a, 'Popular Mobilization Units').aliases, ['PMU']);
  });

  it('types names by their head words: "… Corps", "… International Airport", "… Air Base"', () => {
    assert.equal(entity(a, 'Quds Force').type, 'Organization');
    assert.equal(entity(a, 'Baghdad International Airport').type, 'Place');
    assert.equal(entity(a, 'Harir Air Base').type, 'Place');
    has('She studied at the University of Texas Arlington and the Church of Scientology.', 'Organization', 'University of Texas Arlington');
    has('She studied at the University of Texas Arlington and the Church of Scientology.', 'Organization', 'Church of Scientology');
  });

  it('knows countries, cities and regions, and "the North" as a short form', () => {
    for (const name of ['Iraq', 'Iran', 'Syria', 'Israel', 'Washington', 'United States', 'Middle East', 'Kurdistan']) {
      assert.equal(entity(a, name).type, 'Place', name);
    }
    has('Leaflets were sent into the North. The South retaliated.', 'Place', 'North');
  });

  it('types a place by the words around it: "province of Anbar", "Kurdistan region"', () => {
    assert.equal(entity(a, 'Anbar').type, 'Place');
    has('Officials in the town of Qaraqosh said so.', 'Place', 'Qaraqosh');
  });

  it('never takes a demonym or an adjective for an entity: "Iraqi", "American"', () => {
    assert.ok(!a.mentions.some((m) => /^(Iraqi|American|Americans|Israeli|Western)$/.test(m.text)));
    assert.deepEqual(mentions('Iraqi lawmakers met American and Swedish diplomats.'), []);
  });

  it('leaves a demonym before an institution out: "Greek Ministry of Culture" -> "Ministry of Culture"', () => {
    has('The Greek Ministry of Culture objected.', 'Organization', 'Ministry of Culture');
    has('The Greek Orthodox Church objected.', 'Organization', 'Greek Orthodox Church');
  });

  it('leaves a leading "the" out unless it opens a newspaper’s name', () => {
    has('Members of the Church of Scientology met.', 'Organization', 'Church of Scientology');
    has('He wrote in The Globe and Mail on Friday.', 'Organization', 'The Globe and Mail');
  });

  it('does not take a capitalised common word at a sentence start for a name', () => {
    assert.deepEqual(mentions('Hackers attacked the site. Both sides agreed.'), []);
    // … but a surname the article gives in full is a name there too.
    const text = 'Kristen Wilkins curated the show.\n\nWilkins said it was a success.';
    assert.deepEqual(mentions(text), ['Person:Kristen Wilkins', 'Person:Wilkins']);
  });

  it('types a name alone by the full name the article gives: "Paris" after "Valeska Paris"', () => {
    const text = 'Valeska Paris, a former member, spoke.\n\nParis claims she was kept on the ship.';
    assert.deepEqual(mentions(text), ['Person:Valeska Paris', 'Person:Paris']);
  });

  it('finds web addresses and newsgroups as organisations', () => {
    has('The story ran on Gawker.com and alt.religion.scientology first.', 'Organization', 'Gawker.com');
    has('The story ran on Gawker.com and alt.religion.scientology first.', 'Organization', 'alt.religion.scientology');
  });

  it('annotates an organisation or place inside an event’s or a product’s name, not the name', () => {
    assert.deepEqual(mentions('He won a prize at the Google Science Fair.'), ['Organization:Google']);
    assert.deepEqual(mentions('Fans came to Fan Expo Canada in August.'), ['Place:Canada']);
    assert.deepEqual(mentions('Users moved from Internet Explorer to Google Chrome.'), ['Organization:Google']);
  });

  it('splits a place from the name after it: "the United States Hamdullah Mohib"', () => {
    assert.deepEqual(mentions('According to the Afghan Ambassador to the United States Hamdullah Mohib, it went well.'),
      ['Place:United States', 'Person:Hamdullah Mohib']);
  });

  it('takes a country for its team in a match report', () => {
    const text = 'Sweden defeated South Korea in the match. The captain scored a goal in the 65th minute, and the '
      + 'team won three points. The referee booked two players. The match ended 1 – 0 and Sweden lead the group.';
    assert.deepEqual(mentions(text), ['Organization:Sweden', 'Organization:South Korea', 'Organization:Sweden']);
  });

  it('takes an unknown one-word name after a preposition of place, or "resident of", for a place', () => {
    has('A firefighter died when his boat capsized near Pfaffenhofen.', 'Place', 'Pfaffenhofen');
    has('Anna Müller, a 67-year-old resident of Schrobenhausen, said it was the worst flood.', 'Place', 'Schrobenhausen');
  });

  it('takes the name after "<role> at" for an employer: "an analyst at Bernstein", "Analysts at Morgan Stanley"', () => {
    has('“It’s a start,” said Maria Gonzalez, a semiconductor analyst at Bernstein in London.', 'Organization', 'Bernstein');
    has('Analysts at Morgan Stanley said the reductions could save the company $3 billion a year.', 'Organization', 'Morgan Stanley');
  });

  it('takes named disasters and operations for events, not names: "the Dixie Fire", "Hurricane Ida"', () => {
    assert.deepEqual(mentions('The Dixie Fire burned on as Hurricane Ida hit Louisiana and Operation Warp Speed went on.'), ['Place:Louisiana']);
  });

  it('keeps a sentence-initial surname that compromise guesses is an adverb: “Khazaly also said”', () => {
    const a = analyze('Qais al-Khazaly said the case was reopened. Khazaly also said it would go on.\n');
    assert.deepEqual(a.mentions.map((m) => `${m.type}:${m.text}`), ['Person:Qais al-Khazaly', 'Person:Khazaly']);
    assert.equal(entity(a, 'Qais al-Khazaly').mentions.length, 2);
  });
});
