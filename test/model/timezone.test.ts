import { describe, expect, test } from 'vitest';
import { TimezoneGaps, isValidTimezone, maxTimezoneGapHours, parseUtcOffset, timezoneError, yearOffsets } from '../../src/model/timezone';

/** Index in {@link yearOffsets} of `hour` (0 or 12) UTC on a day of 2026 or any other common year (`month` 1..12). */
function sample(month: number, day: number, hour: 0 | 12 = 12): number {
  const dayOfYear = (Date.UTC(2026, month - 1, day) - Date.UTC(2026, 0, 1)) / 86_400_000;
  return dayOfYear * 2 + (hour === 12 ? 1 : 0);
}

/** The clock gap in hours between two zones at one sample of 2026. */
function gapAt(a: string, b: string, index: number): number {
  const d = Math.abs(yearOffsets(a, 2026)[index]! - yearOffsets(b, 2026)[index]!) % 1440;
  return Math.min(d, 1440 - d) / 60;
}

describe('parseUtcOffset', () => {
  test.each([
    ['+01:00', 60],
    ['-05:30', -330],
    ['+0100', 60],
    ['-0530', -330],
    ['+01', 60],
    ['+1', 60],
    ['+5:30', 330],
    ['UTC+01:00', 60],
    ['UTC-5', -300],
    ['UTC-05:00', -300],
    ['utc+1', 60],
    ['GMT+2', 120],
    ['GMT+01:00', 60],
    ['+05:45', 345],
    ['Z', 0],
    ['z', 0],
    ['-00:00', 0], // 0, not -0
    ['+14:00', 840],
    ['-12:00', -720],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseUtcOffset(text)).toBe(minutes);
  });

  test.each([
    '+15:00',
    '+14:01',
    '-12:01',
    '-13:00',
    '+01:60',
    '01:00', // no sign
    '+130', // three digits: 1:30 or 13:0?
    '+1:2',
    '+123:00',
    '++1',
    'UTC+',
    'UTC',
    'GMT',
    'Z+1',
    'Europe/Paris',
    'Etc/GMT+5',
    ' +01:00',
    '+01:00 ',
    '',
  ])('%j is not an offset', (text) => {
    expect(parseUtcOffset(text)).toBeUndefined();
  });
});

describe('validity', () => {
  test.each(['Europe/Paris', 'America/New_York', 'UTC', 'GMT', 'Etc/GMT+5', 'Asia/Kolkata', 'europe/paris', '+05:30', 'UTC-5', 'Z', '+14:00', '-12:00'])(
    '%s is valid',
    (zone) => {
      expect(isValidTimezone(zone)).toBe(true);
      expect(timezoneError(zone)).toBeUndefined();
    },
  );

  test.each(['Europe/Pariss', 'Mars/Olympus', 'CET+', '', ' Europe/Paris', '01:00', '+130'])('%j is an unknown time zone', (zone) => {
    expect(isValidTimezone(zone)).toBe(false);
    expect(timezoneError(zone)).toBe('unknown time zone: use an IANA name such as Europe/Paris or a UTC offset such as +01:00');
  });

  test.each(['+15:00', '-13:00', 'UTC+14:30', 'GMT-12:30'])('%s is an offset out of range', (zone) => {
    expect(isValidTimezone(zone)).toBe(false);
    expect(timezoneError(zone)).toBe('UTC offset out of range: use an offset between -12:00 and +14:00');
  });
});

describe('yearOffsets', () => {
  test('samples 00:00 and 12:00 UTC of every day, with the switch dates Intl knows', () => {
    const paris = yearOffsets('Europe/Paris', 2026);
    expect(paris).toHaveLength(730);
    expect(paris[0]).toBe(60);
    // Paris switches at 01:00 UTC on Sunday 29 March and on Sunday 25 October.
    expect(paris[sample(3, 29, 0)]).toBe(60);
    expect(paris[sample(3, 29, 12)]).toBe(120);
    expect(paris[sample(10, 25, 0)]).toBe(120);
    expect(paris[sample(10, 25, 12)]).toBe(60);
    expect(paris[729]).toBe(60);
    // New York switches at 07:00 UTC on 8 March and at 06:00 UTC on 1 November.
    const newYork = yearOffsets('America/New_York', 2026);
    expect([newYork[sample(3, 8, 0)], newYork[sample(3, 8, 12)]]).toEqual([-300, -240]);
    expect([newYork[sample(11, 1, 0)], newYork[sample(11, 1, 12)]]).toEqual([-240, -300]);
    // Sydney leaves daylight saving at 16:00 UTC on 4 April and returns at 16:00 UTC on 3 October.
    const sydney = yearOffsets('Australia/Sydney', 2026);
    expect([sydney[0], sydney[sample(4, 4, 12)], sydney[sample(4, 5, 0)]]).toEqual([660, 660, 600]);
    expect([sydney[sample(10, 3, 12)], sydney[sample(10, 4, 0)]]).toEqual([600, 660]);
  });

  test('fixed offsets and Etc zones are constant; leap years have 732 samples', () => {
    expect(new Set(yearOffsets('+05:30', 2026))).toEqual(new Set([330]));
    expect(new Set(yearOffsets('UTC-5', 2026))).toEqual(new Set([-300]));
    expect(new Set(yearOffsets('Asia/Kolkata', 2026))).toEqual(new Set([330]));
    expect(new Set(yearOffsets('Etc/GMT+5', 2026))).toEqual(new Set([-300])); // POSIX sign: Etc/GMT+5 is UTC-5
    expect(new Set(yearOffsets('UTC', 2026))).toEqual(new Set([0]));
    expect(yearOffsets('Europe/Paris', 2028)).toHaveLength(732);
    expect(yearOffsets('+01:00', 2024)).toHaveLength(732);
  });

  test('old years: local mean time rounded to the minute; years below 100 are not 19xx', () => {
    expect(yearOffsets('Europe/Paris', 1900)[0]).toBe(9); // Paris mean time, +00:09:21
    expect(yearOffsets('Europe/Paris', 1900)).toHaveLength(730); // 1900 is not a leap year
    expect(yearOffsets('+01:00', 0)).toHaveLength(732); // year 0 is (Date.UTC would take it for 1900)
    expect(yearOffsets('Europe/Paris', 0)[0]).toBe(9);
  });

  test('each call returns a copy: the cache cannot be corrupted', () => {
    yearOffsets('Europe/Paris', 2026).fill(0);
    expect(yearOffsets('Europe/Paris', 2026)[0]).toBe(60);
    expect(maxTimezoneGapHours('Europe/Paris', 'America/New_York', 2026)).toBe(6);
  });

  test('invalid zones and years throw', () => {
    expect(() => yearOffsets('Europe/Pariss', 2026)).toThrow(RangeError);
    expect(() => yearOffsets('+15:00', 2026)).toThrow(RangeError);
    expect(() => yearOffsets('Europe/Paris', 2026.5)).toThrow(RangeError);
    expect(() => yearOffsets('Europe/Paris', Number.NaN)).toThrow(RangeError);
    expect(() => maxTimezoneGapHours('Europe/Paris', 'Mars/Olympus', 2026)).toThrow(RangeError);
    expect(() => maxTimezoneGapHours('Mars/Olympus', 'Mars/Olympus', 2026)).toThrow(RangeError);
  });
});

describe('the largest gap over the year', () => {
  // Offsets in 2026, as the runtime's Intl gives them (checked in the tests above and below):
  //   Paris        +1, +2 from 29 Mar to 25 Oct     London       0, +1 over the same dates
  //   New York     -5, -4 from 8 Mar to 1 Nov       Los Angeles  -8, -7 over the same dates
  //   Sydney       +11, +10 from 5 Apr to 4 Oct     Auckland     +13, +12 from 5 Apr to 27 Sep
  //   St. John's   -3:30, -2:30 from 8 Mar to 1 Nov Kathmandu    +5:45 all year
  test.each([
    // |(+1) - (-5)| = 6 in winter, |(+2) - (-4)| = 6 in summer; 5 only from 8 to 29 March and from
    // 25 October to 1 November, when New York is on daylight saving time and Paris is not.
    ['Europe/Paris', 'America/New_York', 6],
    // Likewise 5 all year but 4 in those same weeks (in March and in autumn alike): the maximum is 5.
    ['Europe/London', 'America/New_York', 5],
    // 10 in January (11 - 1), 9 from 29 Mar to 5 Apr (11 - 2), 8 in July (10 - 2), 9 from 4 to
    // 25 Oct (11 - 2), 10 again from 25 Oct: the maximum is January's.
    ['Australia/Sydney', 'Europe/Paris', 10],
    // 8 in January (11 + 5 = 16, wrapped to 24 - 16), 9 from 8 Mar, 10 from 5 Apr to 4 Oct
    // (10 + 4 = 14, wrapped to 10), 9 until 1 Nov: the maximum, 10, is not January's 8.
    ['Australia/Sydney', 'America/New_York', 10],
    // Raw differences 21 h in January (13 + 8), 20 from 8 Mar, 19 from 5 Apr to 27 Sep (12 + 7),
    // 20 until 1 Nov, 21 after: wrapped around the clock, 3, 4, 5, 4, 3. The maximum is 5.
    ['Pacific/Auckland', 'America/Los_Angeles', 5],
    // Quarter hours: 5:45 + 3:30 = 9.25 in winter, 5:45 + 2:30 = 8.25 in summer.
    ['America/St_Johns', 'Asia/Kathmandu', 9.25],
    // Both switch on the same day, an hour apart (07:00 and 08:00 UTC): samples twelve hours
    // apart never see the hour when they are 2 h apart.
    ['America/New_York', 'America/Chicago', 1],
    ['Asia/Kolkata', 'Europe/Paris', 4.5], // 5:30 - 1 in winter, 5:30 - 2 in summer
    ['+05:30', '-03:00', 8.5],
    ['+14:00', '-12:00', 2], // 26 h apart: wrapped modulo 24 h first
    ['+14:00', '-10:00', 0], // 24 h apart: same clock, another day
    ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 1], // +14 and -11: 25 h, so 1 h on the clock
    ['UTC+12', 'UTC-12', 0],
    ['Europe/Paris', 'Europe/Paris', 0],
    ['Europe/Paris', 'Europe/Berlin', 0],
    ['Europe/Paris', '+01:00', 1], // a fixed offset does not follow daylight saving
    ['Etc/GMT+5', 'UTC-5', 0],
  ])('%s vs %s: %d h', (a, b, hours) => {
    expect(maxTimezoneGapHours(a, b, 2026)).toBe(hours);
    expect(maxTimezoneGapHours(b, a, 2026)).toBe(hours);
  });

  test('the gap through the year, where daylight saving differs', () => {
    // London and New York: 5 in January and July, 4 when only New York has switched.
    expect([1, 3, 7, 10, 12].map((month) => gapAt('Europe/London', 'America/New_York', sample(month, month === 3 || month === 10 ? 28 : 15)))).toEqual([5, 4, 5, 4, 5]);
    // Paris and New York: 6, and 5 in the same weeks.
    expect([sample(1, 15), sample(3, 15), sample(7, 15), sample(10, 28)].map((i) => gapAt('Europe/Paris', 'America/New_York', i))).toEqual([6, 5, 6, 5]);
    // Sydney and Paris: 10 in January, 9 in early April, 8 in July, 9 in mid-October.
    expect([sample(1, 15), sample(4, 1), sample(7, 15), sample(10, 15)].map((i) => gapAt('Australia/Sydney', 'Europe/Paris', i))).toEqual([10, 9, 8, 9]);
    // Sydney and New York: the largest gap, 10, is reached only in the southern winter.
    expect([sample(1, 15), sample(3, 15), sample(7, 15), sample(10, 15)].map((i) => gapAt('Australia/Sydney', 'America/New_York', i))).toEqual([8, 9, 10, 9]);
    // Auckland and Los Angeles: 3 in January, 5 in July.
    expect([sample(1, 15), sample(3, 15), sample(7, 15), sample(10, 15), sample(12, 15)].map((i) => gapAt('Pacific/Auckland', 'America/Los_Angeles', i))).toEqual([3, 4, 5, 4, 3]);
  });

  test('symmetric over every pair of a varied list', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', '+05:30', '-03:00', 'UTC+14', 'Australia/Lord_Howe'];
    for (const a of zones) {
      for (const b of zones) {
        const gap = maxTimezoneGapHours(a, b, 2026);
        expect(gap).toBe(maxTimezoneGapHours(b, a, 2026));
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(12);
        if (a === b) expect(gap).toBe(0);
      }
    }
  });

  test('depends on the year', () => {
    // In 2025, New York switched on 9 March and Paris on 30 March: still 6 at most.
    expect(maxTimezoneGapHours('Europe/Paris', 'America/New_York', 2025)).toBe(6);
    // Fixed offsets do not depend on the year.
    expect(maxTimezoneGapHours('+05:30', '-03:00', 1999)).toBe(8.5);
    // Before 2007, New York switched on the first Sunday of April (2 April 2006), a week after
    // London (26 March): that week London was on summer time and New York not, 6 h apart. Both
    // switched back on 29 October. So 6 in 2006, 5 in 2026 (when New York switches first).
    expect(maxTimezoneGapHours('Europe/London', 'America/New_York', 2006)).toBe(6);
    expect(yearOffsets('America/New_York', 2006)[sample(3, 30)]).toBe(-300);
    expect(yearOffsets('Europe/London', 2006)[sample(3, 30)]).toBe(60);
  });
});

describe('TimezoneGaps', () => {
  const zones = ['Europe/Paris', 'America/New_York', 'Europe/Paris', '+05:30', 'Australia/Sydney', 'Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', '+01:00', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Z'];
  const gaps = new TimezoneGaps(zones, 2026);
  const distinct = [...new Set(zones)];

  test('one code per distinct zone string, in order of first appearance', () => {
    expect(distinct.map((z) => gaps.code(z))).toEqual(distinct.map((_, i) => i));
    expect(gaps.size).toBe(distinct.length);
    expect(gaps.code('Asia/Tokyo')).toBe(-1);
    expect(gaps.code('europe/paris')).toBe(-1); // compared as written
  });

  test('agrees with maxTimezoneGapHours on every pair, both ways', () => {
    for (const a of distinct) {
      for (const b of distinct) expect(gaps.gap(gaps.code(a), gaps.code(b))).toBe(maxTimezoneGapHours(a, b, 2026));
    }
    expect(gaps.gap(gaps.code('Europe/Paris'), gaps.code('America/New_York'))).toBe(6);
    expect(gaps.gap(gaps.code('Asia/Kolkata'), gaps.code('+05:30'))).toBe(0); // same offsets all year
    expect(gaps.gap(gaps.code('Europe/Berlin'), gaps.code('+01:00'))).toBe(1);
  });

  test('unknown codes give NaN', () => {
    expect(gaps.gap(-1, 0)).toBeNaN();
    expect(gaps.gap(0, distinct.length)).toBeNaN();
    expect(gaps.gap(0.5, 0)).toBeNaN();
  });

  test('an empty cohort and invalid zones', () => {
    const none = new TimezoneGaps([], 2026);
    expect(none.size).toBe(0);
    expect(none.gap(0, 0)).toBeNaN();
    expect(() => new TimezoneGaps(['Europe/Paris', 'Mars/Olympus'], 2026)).toThrow(RangeError);
  });
});
