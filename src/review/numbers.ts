/**
 * Numbers in the loose ways people write them in plans: "about forty", "30-40", "a dozen", "100+".
 */
import { primeNative } from './native-regex.js';
import { collapseSpaces } from './text.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const VAGUE: Record<string, number> = {
  'a couple dozen': 24, 'a couple of dozen': 24, 'a couple of': 2, 'a couple': 2, 'a few': 3, 'a handful of': 5, 'a dozen': 12, dozen: 12,
  'dozens of': 30, 'scores of': 60, 'hundreds of': 200, hundred: 100,
};

// Longest first, so "fourteen" is not read as "four" followed by "teen".
/** Number words below twenty, as regex alternatives. */
export const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
/** Tens in words ("twenty" to "ninety"), as regex alternatives. */
export const TEN_WORDS = Object.keys(TENS).join('|');
/** A number in words: "forty-five", "two hundred", "a dozen". Longest alternatives first. */
export const WORD_NUM =
  `(?:(?:a|one|two|three|four|five)\\s+hundred|(?:${TEN_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?` +
  `|a couple (?:of )?dozen|a couple of|a couple|a few|a handful of|a dozen|dozens of|scores of|hundreds of|hundred|${UNIT_WORDS})`;
/** A number in digits or words. */
export const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d{1,5}|${WORD_NUM})`;
/** A number or a range of numbers, optionally open-ended ("100+"). */
export const RANGE = `${NUM}(?:\\s*(?:-|to|or)\\s*${NUM})?\\+?`;

// Regexes used per sentence or per match are made once here: a literal in a function body builds a new
// RegExp object every time it is evaluated.
const DIGITS = /^\d[\d,]*(\.\d+)?$/;
const COMMAS = /,/g;
const HUNDRED = /^(a|one|two|three|four|five) hundred$/;
const TENS_WORDS = /^([a-z]+)(?:[- ]([a-z]+))?$/;

/** Parses one number written in digits or words; undefined when it is not a number. */
export function parseNumber(raw: string): number | undefined {
  const s = collapseSpaces(raw.trim().toLowerCase());
  if (DIGITS.test(s)) return Number(s.replace(COMMAS, ''));
  if (s in VAGUE) return VAGUE[s];
  if (s in UNITS) return UNITS[s];
  const hundred = HUNDRED.exec(s);
  if (hundred?.[1]) return (hundred[1] === 'a' ? 1 : (UNITS[hundred[1]] ?? 1)) * 100;
  const tens = TENS_WORDS.exec(s);
  if (tens?.[1] && tens[1] in TENS) {
    const unit = tens[2] ? UNITS[tens[2]] : 0;
    if (unit !== undefined) return (TENS[tens[1]] ?? 0) + unit;
  }
  return undefined;
}

const WHOLE_RANGE = new RegExp(`^(${NUM})(?:\\s*(?:-|to|or)\\s*(${NUM}))?(\\+)?$`, 'i');

/** Parses "30-40", "8 to 10", "100+", "forty"; min and max are equal for a single number. */
export function parseRange(raw: string): { min: number; max: number } | undefined {
  const m = primeNative(WHOLE_RANGE).exec(raw.trim());
  if (!m?.[1]) return undefined;
  const a = parseNumber(m[1]);
  if (a === undefined) return undefined;
  const b = m[2] ? parseNumber(m[2]) : undefined;
  if (b !== undefined && b >= a) return { min: a, max: b };
  return { min: a, max: a };
}
/** A cheap test for any number, digits or words, before the costly patterns run. */
export const HAS_NUMBER = new RegExp(`\\d|\\b(?:${UNIT_WORDS}|${TEN_WORDS}|dozens?|hundreds?|couple|few|handful|scores)\\b`, 'i');
