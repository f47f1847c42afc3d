import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';

/** The dates of an article whose body is `body` (headline "Headline"), as [text, value] pairs. */
function dates(body: string, date?: string, referenceDate?: string): [string, string | null][] {
  const front = date ? `---\ntitle: Headline\ndate: ${date}\n---\n` : '';
  return analyze(`${front}Headline\n\n${body}\n`, { referenceDate }).dates.map((d) => [d.text, d.value]);
}

/** The value of the one date whose text is `text`. */
function valueOf(body: string, text: string, date?: string): string | null {
  const found = dates(body, date).filter(([t]) => t === text);
  assert.equal(found.length, 1, `one date "${text}" in ${JSON.stringify(dates(body, date))}`);
  return found[0][1];
}

describe('dates', () => {
  describe('absolute dates', () => {
    it('takes a dateline with its weekday as one date', () => {
      assert.deepEqual(dates('Thursday, February 23, 2023', '2023-02-23'), [['Thursday, February 23, 2023', '2023-02-23']]);
    });

    it('reads month-day-year, day-month-year, month-year and years', () => {
      assert.deepEqual(dates('On January 3, 2020, the drone struck; the law took effect on 1 January 2016, after talks in September 2021 and in 2007.'), [
        ['January 3, 2020', '2020-01-03'], ['1 January 2016', '2016-01-01'], ['September 2021', '2021-09'], ['2007', '2007'],
      ]);
    });

    it('gives a month-day without a year the article year, and a bare month too', () => {
      assert.equal(valueOf('Mohamed brought the clock to school on September 14.', 'September 14', '2015-09-22'), '2015-09-14');
      assert.equal(valueOf('In March, a bundle of blueprints was found in the trash.', 'March', '2008-08-15'), '2008-03');
    });

    it('puts a past month-day after the article date in the year before', () => {
      assert.equal(valueOf('The station was closed on December 28 after the storm.', 'December 28', '2015-01-05'), '2014-12-28');
    });

    it('keeps a month-day the text points to the future in the coming months', () => {
      assert.equal(valueOf('The first meeting is set to take place in Christchurch on May 16.', 'May 16', '2015-05-07'), '2015-05-16');
      assert.equal(valueOf('The final will be played on May 30 at Wembley Stadium.', 'May 30', '2015-09-22'), '2016-05-30');
    });

    it('makes a range two dates, the first taking the year of the second', () => {
      assert.deepEqual(dates('The exhibit runs January 23 - March 9 2014.', '2014-01-28'), [['January 23', '2014-01-23'], ['March 9 2014', '2014-03-09']]);
      assert.deepEqual(dates('Arrears were requested for the period from 2004 to 2009.'), [['2004', '2004'], ['2009', '2009']]);
    });

    it('keeps modifiers in the span: "early in 2016", "mid-2016", "the end of 2017"', () => {
      assert.deepEqual(dates('Voters would then choose early in 2016; by mid-2016 the deal, which expires at the end of 2017, was late.'), [
        ['early in 2016', '2016'], ['mid-2016', '2016'], ['the end of 2017', '2017-12'],
      ]);
    });

    it('annotates a year inside an event name', () => {
      assert.deepEqual(dates('Pop culture celebrated at Fan Expo Canada 2016 in Toronto'), [['2016', '2016']]);
    });

    it('does not take counts, prices or May the verb for dates', () => {
      assert.deepEqual(dates('The firm employs 2000 people and paid $1999; it may appeal.', '2015-09-22'), []);
    });
  });

  describe('weekdays', () => {
    it('resolves a bare weekday to the last one on or before the article date', () => {
      assert.equal(valueOf('The silver medal was awarded on Tuesday.', 'Tuesday', '2017-07-21'), '2017-07-18');
    });

    it('keeps the part of the day in the span', () => {
      assert.equal(valueOf('Artillery was fired on Thursday afternoon.', 'Thursday afternoon', '2015-08-21'), '2015-08-20');
      assert.equal(valueOf('The hashtag was used a million times by Thursday night.', 'Thursday night', '2015-09-22'), '2015-09-17');
    });

    it('looks ahead when the text points to the future', () => {
      assert.equal(valueOf('On Wednesday, Mohamed and his father are to meet the president.', 'Wednesday', '2015-09-22'), '2015-09-23');
      assert.equal(valueOf('The summit will open next Tuesday.', 'next Tuesday', '2015-09-22'), '2015-09-29');
      assert.equal(valueOf('The minister will speak to parliament on Friday.', 'Friday', '2015-09-22'), '2015-09-25');
      assert.equal(valueOf('The minister spoke to parliament on Friday.', 'Friday', '2015-09-22'), '2015-09-18');
    });

    it('looks ahead from "expected", "due" or "forecast", even in a past-tense report', () => {
      assert.equal(valueOf('Söder warned that more rain was expected on Tuesday.', 'Tuesday', '2024-06-03'), '2024-06-04');
      assert.equal(valueOf('The verdict is due on Friday.', 'Friday', '2015-09-22'), '2015-09-25');
    });

    it('is unresolved when the article has no date', () => {
      assert.deepEqual(dates('Khazali said in an interview aired on Tuesday night that the lawsuit is pursued.'), [['Tuesday night', null]]);
    });

    it('is resolved against a reference date given for an undated article', () => {
      assert.deepEqual(dates('He said on Tuesday night that the case goes on.', undefined, '2020-01-10'), [['Tuesday night', '2020-01-07']]);
    });

    it('is not a date after "a" or "every"', () => {
      assert.deepEqual(dates('Christmas falls on a Friday and the market opens every Monday.', '2015-09-22'), [['Christmas', '2015-12-25']]);
    });
  });

  describe('relative dates', () => {
    it('counts days from the article date', () => {
      assert.deepEqual(dates('Yesterday Mohamed received VIP attention, and tomorrow he plans to meet officials; today he rests.', '2015-09-22'), [
        ['Yesterday', '2015-09-21'], ['tomorrow', '2015-09-23'], ['today', '2015-09-22'],
      ]);
    });

    it('gives a week or weekend its month when it lies inside one, else its year', () => {
      assert.deepEqual(dates('News from last week; the fair this weekend.', '2015-09-22'), [['last week', '2015-09'], ['this weekend', '2015-09']]);
      assert.equal(valueOf('In the past few days in Italy, several towns asked for taxes.', 'the past few days', '2015-08-02'), '2015');
      assert.equal(valueOf('Over the past 30 days it has been third.', 'the past 30 days', '2011-03-08'), '2011');
    });

    it('resolves months, years and seasons', () => {
      assert.deepEqual(dates('Those who applied before last summer; a ruling expected next month; clear the backlog by year end; last year a record.', '2023-02-23'), [
        ['last summer', '2022'], ['next month', '2023-03'], ['year end', '2023-12'], ['last year', '2022'],
      ]);
      assert.deepEqual(dates("This year's theme was water. Next year's contest is in Mexico.", '2017-07-21'), [['This year', '2017'], ['Next year', '2018']]);
    });

    it('counts back "ago" with its approximators in the span', () => {
      assert.deepEqual(dates('A posting made just over 24 hours ago; IE6 shipped nearly a decade ago; "Seventeen years ago, this was impossible."', '2011-03-08'), [
        ['just over 24 hours ago', '2011-03-07'], ['nearly a decade ago', '2001'], ['Seventeen years ago', '1994'],
      ]);
      assert.equal(valueOf('"[Ten] years ago, a browser was born."', '[Ten] years ago', '2011-03-08'), '2001');
    });

    it('reads "earlier today" in an undated quote against the article date', () => {
      assert.equal(valueOf('"Someone emailed me earlier today about a tool," said the post by an unknown author.', 'earlier today', '2008-01-20'), '2008-01-20');
    });

    it('reads "today" in a quote against the day the words were said', () => {
      const body = 'Yesterday, day five of the World Cup, Belgium beat Panama.\n\nAfter the match, the Panama coach said, "We have learned a lot from today\'s game."';
      assert.equal(valueOf(body, 'today', '2018-06-19'), '2018-06-18');
      assert.equal(valueOf('"Yesterday was a historic day," Obama said in a speech on Wednesday.', 'Yesterday', '2015-09-22'), '2015-09-15');
    });

    it('is unresolved without an article date: the machine clock is never used', () => {
      assert.deepEqual(dates('Last week the council met; two days ago it voted.'), [['Last week', null], ['two days ago', null]]);
    });
  });

  describe('anchored dates', () => {
    it('counts from the date the text stated for the anchor event', () => {
      const body = 'On January 8, 2020, the IRGC targeted the base with a wave of missile attacks.\n\nIran described the missile attack as a first slap.\n\nTwo days after the attack, Iraqi lawmakers approved a bill.';
      assert.equal(valueOf(body, 'Two days after the attack'), '2020-01-10');
    });

    it('takes the anchor at the precision the unit needs', () => {
      const body = 'The competition was held this week in Washington.\n\nThis year the competition theme was water.\n\nEvery team was sent parts roughly four months in advance of the competition.';
      assert.equal(valueOf(body, 'roughly four months in advance of the competition', '2017-07-21'), '2017-03');
    });

    it('resolves "the next day" from the last day stated, without a clock time in front', () => {
      const body = 'The election was held on Sunday.\n\nThe last ballot was cast at 2:30 the next day, four hours after the polls closed.';
      assert.equal(valueOf(body, 'the next day', '2016-09-09'), '2016-09-05');
    });

    it('resolves an event night from its stated date, by apposition and by name', () => {
      const body = 'Opening night, January 23, 2014, of the exhibit.\n\nThis past week marked the opening night of an exhibit.\n\nStudents came to the opening night. The big hit of the evening was the band.';
      assert.deepEqual(dates(body, '2014-01-28'), [
        ['Opening night', '2014-01-23'], ['January 23, 2014', '2014-01-23'], ['This past week', '2014-01'],
        ['the opening night', '2014-01-23'], ['the opening night', '2014-01-23'], ['the evening', '2014-01-23'],
      ]);
    });

    it('resolves a headline event from the body that dates it', () => {
      const body = 'Yesterday, day five of the World Cup, Sweden won.';
      const a = analyze(`---\ndate: 2018-06-19\n---\nWorld Cup 2018 day five: Sweden win\n\n${body}\n`);
      assert.deepEqual(a.dates.map((d) => [d.text, d.value]), [
        ['2018', '2018'], ['day five', '2018-06-18'], ['Yesterday', '2018-06-18'], ['day five', '2018-06-18'],
      ]);
    });

    it('finds the anchor earlier in the same paragraph', () => {
      assert.equal(valueOf('The bombing took place in 2005. Two years after the bombing, an inquiry opened.', 'Two years after the bombing', '2015-09-22'), '2007');
    });

    it('gives "that year" and "the following year" a year, not a day', () => {
      assert.deepEqual(dates('The band released the album on Sept. 4, 2014. That year, sales doubled; the band toured the following year.', '2015-09-22'), [
        ['Sept. 4, 2014', '2014-09-04'], ['That year', '2014'], ['the following year', '2015'],
      ]);
    });

    it('takes "the year before" from the year last stated', () => {
      assert.equal(valueOf('Support fell this year. This is a decrease from the year before.', 'the year before', '2015-05-07'), '2014');
    });

    it('keeps "the end of the day Saturday" as one date', () => {
      assert.deepEqual(dates('By the end of the day Saturday the site was down.', '2008-01-20'), [['the end of the day Saturday', '2008-01-19']]);
    });

    it('leaves an anchor the text never dates unresolved', () => {
      assert.deepEqual(dates('The Plains of Arafat on the day of Hajj', '2006-01-12'), [['the day of Hajj', null]]);
    });
  });

  describe('named days', () => {
    it('places fixed holidays in the year, leaning to the past', () => {
      assert.deepEqual(dates('Key promoted the flag on Waitangi Day - February 6 - this year.', '2015-05-07'), [
        ['Waitangi Day', '2015-02-06'], ['February 6', '2015-02-06'], ['this year', '2015'],
      ]);
    });

    it('computes movable feasts', () => {
      assert.equal(valueOf('The shops reopen after Easter 2016.', 'Easter 2016'), '2016-03-27');
    });
  });

  describe('vague dates', () => {
    it('gives "recently", "nowadays", "the future" no value', () => {
      assert.deepEqual(dates('The recently released browser; nowadays everyone has one; more donations in the future.', '2011-03-08'), [
        ['recently', null], ['nowadays', null], ['the future', null],
      ]);
    });

    it('gives a season across two years no value', () => {
      assert.deepEqual(dates('The 2015–16 season began in August.', '2015-09-22'), [['2015–16', null], ['August', '2015-08']]);
    });

    it('gives decades, centuries and "last years" no value', () => {
      assert.deepEqual(dates('Touchstones of the 1960s and the sixties; the center of the 20th century; in last years.', '2014-01-28'), [
        ['the 1960s', null], ['the sixties', null], ['the 20th century', null], ['last years', null],
      ]);
    });
  });

  describe('not dates', () => {
    it('leaves out durations, ages, frequencies, adjectives and tense adverbs', () => {
      assert.deepEqual(dates(
        'She was held for almost 15 years and joined aged 14; they must leave within 48 hours. A recent poll says troops are now and currently here, and will soon leave. The foundation reviews it every ten years, every year. Six minutes later, he scored.',
        '2015-05-07',
      ), []);
    });

    it('leaves out names that hold a date word: newspapers, programmes, first names', () => {
      assert.deepEqual(dates('According to USA Today and the Sunday Times, April Ryan spoke on the Today programme.', '2015-09-22'), []);
    });

    it('leaves out four-digit counts but keeps years before plural nouns after "the" or "in"', () => {
      assert.deepEqual(dates('Police killed 2000 protesters; the 2014 protests ended and in 2015 protests resumed.', '2015-09-22'), [['2014', '2014'], ['2015', '2015']]);
    });

    it('leaves out a surname that is also a holiday', () => {
      assert.deepEqual(dates('She launched the novel with illustrator Johnnie Christmas.', '2016-09-07'), []);
    });
  });

  it('finds the dates of the sample article', () => {
    const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
    const found = analyze(sample).dates.map((d) => [d.text, d.value]);
    assert.deepEqual(found, [['Tuesday night', null], ['January 3, 2020', '2020-01-03'], ['January 8, 2020', '2020-01-08'], ['Two days after the attack', '2020-01-10']]);
  });
});
