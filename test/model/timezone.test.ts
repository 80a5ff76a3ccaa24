import { describe, expect, test } from 'vitest';
import { TimezoneGaps, isValidTimezone, maxTimezoneGapHours, parseUtcOffset, timezoneError, yearOffsets } from '../../src/model/timezone';

describe('parseUtcOffset', () => {
  test.each([
    ['+01:00', 60],
    ['-05:30', -330],
    ['+0100', 60],
    ['+01', 60],
    ['UTC+1', 60],
    ['UTC-05:00', -300],
    ['GMT+2', 120],
    ['Z', 0],
    ['+14:00', 840],
    ['-12:00', -720],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseUtcOffset(text)).toBe(minutes);
  });
  test.each(['+15:00', '-13:00', '+01:60', '01:00', 'Europe/Paris', '', '+1:2'])('%j is not an offset', (text) => {
    expect(parseUtcOffset(text)).toBeUndefined();
  });
});

describe('validity', () => {
  test('IANA names known to the runtime and offsets are valid', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata', '+05:30']) expect(isValidTimezone(zone)).toBe(true);
    for (const zone of ['Europe/Pariss', 'Mars/Olympus', '+25:00', 'CET+']) expect(isValidTimezone(zone)).toBe(false);
    expect(timezoneError('Europe/Pariss')).toMatch(/^unknown time zone: use an IANA name such as Europe\/Paris/);
    expect(timezoneError('Europe/Paris')).toBeUndefined();
  });
});

describe('the largest gap over the year', () => {
  // Offsets in 2026: Paris +1/+2, New York -5/-4, London 0/+1, Sydney +11 (January) / +10 (July),
  // Auckland +13 (January) / +12 (July), Los Angeles -8/-7. Daylight saving starts and ends on
  // different dates on each side, so some weeks give a gap seen at no other time of the year.
  test.each([
    ['Europe/Paris', 'America/New_York', 6], // 6 most of the year, 5 for a few weeks in March and autumn
    ['Europe/London', 'America/New_York', 5], // 5, and 4 in the weeks when only one side has switched
    ['Australia/Sydney', 'Europe/Paris', 10], // 10 in January, 8 in July, 9 in between: the maximum is not July's
    ['Pacific/Auckland', 'America/Los_Angeles', 5], // raw differences 19..21 h wrap around the clock to 5..3
    ['Asia/Kolkata', 'Europe/Paris', 4.5],
    ['+05:30', '-03:00', 8.5],
    ['Europe/Paris', 'Europe/Paris', 0],
    ['Europe/Paris', '+01:00', 1], // a fixed offset does not follow daylight saving
  ])('%s vs %s: %d h', (a, b, hours) => {
    expect(maxTimezoneGapHours(a, b, 2026)).toBe(hours);
    expect(maxTimezoneGapHours(b, a, 2026)).toBe(hours);
  });

  test('the gap varies over the year where daylight saving differs', () => {
    const paris = yearOffsets('Europe/Paris', 2026);
    const sydney = yearOffsets('Australia/Sydney', 2026);
    expect(paris).toHaveLength(730);
    expect(paris[0]).toBe(60);
    expect(paris[2 * 181]).toBe(120);
    expect(sydney[0]).toBe(660);
    expect(sydney[2 * 181]).toBe(600);
    expect(new Set(yearOffsets('+05:30', 2026))).toEqual(new Set([330]));
    expect(yearOffsets('Europe/Paris', 2028)).toHaveLength(732);
  });

  test('TimezoneGaps agrees with maxTimezoneGapHours and allocates codes per distinct zone', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Europe/Paris', '+05:30', 'Australia/Sydney'];
    const gaps = new TimezoneGaps(zones, 2026);
    const distinct = [...new Set(zones)];
    expect(distinct.map((z) => gaps.code(z))).toEqual([0, 1, 2, 3]);
    for (const a of distinct) for (const b of distinct) expect(gaps.gap(gaps.code(a), gaps.code(b))).toBe(maxTimezoneGapHours(a, b, 2026));
    expect(gaps.code('Asia/Tokyo')).toBe(-1);
    expect(gaps.gap(-1, 0)).toBeNaN();
  });
});
