import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast, isoDate } from '../src/history/forecast.js';

const DAY = 86_400;
const START = Date.UTC(2026, 0, 1) / 1000;

describe('forecast', () => {
  it('on a straight line, the date is where the line meets zero and the range closes on it', () => {
    // 20 open, 2 fewer every 7 days: zero after 70 days.
    const points = Array.from({ length: 6 }, (_, i) => ({ time: START + i * 7 * DAY, open: 20 - 2 * i }));
    const result = forecast(points);
    expect(result.outcome).toBe('date');
    expect(result.date).toBe(isoDate(START + 70 * DAY));
    expect(result.range).toEqual({ earliest: result.date, latest: result.date });
    expect(result.openPerDay).toBeCloseTo(-2 / 7, 3);
  });

  it('with noise, the date lies inside its range; the range widens with the noise', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 5, maxLength: 20 }), (noise) => {
        const points = noise.map((n, i) => ({ time: START + i * 3 * DAY, open: 100 - 3 * i + n }));
        const result = forecast(points);
        expect(result.outcome).toBe('date');
        expect(result.range.earliest! <= result.date!).toBe(true);
        if (result.range.latest !== null) expect(result.date! <= result.range.latest).toBe(true);
      }),
    );
  });

  it('fits only the last 8 weeks when they hold three points or more', () => {
    const old = Array.from({ length: 5 }, (_, i) => ({ time: START + i * DAY, open: 50 - 10 * i }));
    const recent = Array.from({ length: 4 }, (_, i) => ({ time: START + (100 + i * 7) * DAY, open: 30 }));
    const result = forecast([...old, ...recent]);
    expect(result).toMatchObject({ outcome: 'no-date', basis: { points: 4, from: isoDate(START + 100 * DAY) }, openPerDay: 0, date: null });
  });

  it('says there is no date when open work is flat or growing, and needs three points', () => {
    const growing = [0, 1, 2, 3].map((i) => ({ time: START + i * DAY, open: 5 + i }));
    expect(forecast(growing)).toMatchObject({ outcome: 'no-date', date: null, range: { earliest: null, latest: null } });
    expect(forecast(growing.slice(0, 2)).outcome).toBe('too-few-points');
    expect(forecast([{ time: START, open: 3 }, { time: START + DAY, open: 0 }]).outcome).toBe('done');
  });
});
