import type { Estimate, EffortUnit } from '../extract/effort.js';
import type { Effort } from '../model.js';

/** Hours in one `unit`: a day is `hoursPerDay` hours, a week 5 days (docs/rules.md, "Effort"). */
function hoursPer(unit: EffortUnit, hoursPerDay: number): number {
  switch (unit) {
    case 'minutes':
      return 1 / 60;
    case 'hours':
      return 1;
    case 'days':
      return hoursPerDay;
    case 'weeks':
      return hoursPerDay * 5;
  }
}

/**
 * An estimate as written → the public effort in hours (`3-4 days` at 8 h/day
 * → 24–32 h), rounded to 1/1000 h so that minute arithmetic stays exact in JSON.
 */
export function effortInHours(estimate: Estimate, hoursPerDay: number): Effort {
  const factor = hoursPer(estimate.unit, hoursPerDay);
  return {
    minHours: roundHours(estimate.min * factor),
    maxHours: roundHours(estimate.max * factor),
    text: estimate.text,
    each: estimate.each,
  };
}

function roundHours(hours: number): number {
  return Math.round(hours * 1000) / 1000;
}
