/**
 * Time zone names as people type them ("europe/london", "utc", "GMT") turned into the spelling the IANA
 * database uses, so replies and stored schedules never echo a lowercase or alias form back.
 */

let byLowerCase: Map<string, string> | undefined;

function knownZones(): Map<string, string> {
  if (!byLowerCase) {
    byLowerCase = new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  }
  return byLowerCase;
}

/** Whether this runtime's Intl accepts `tz` as a zone. */
function accepted(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "america/port-au-prince" -> "America/Port-Au-Prince" style capitalisation, per segment. */
function titleCase(tz: string): string {
  return tz
    .split('/')
    .map((part) => part.replace(/[A-Za-z]+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('/');
}

/**
 * The canonical spelling of an IANA time zone, or undefined when it is not one. UTC and GMT (any case,
 * with or without `Etc/`) become `UTC`; other names take the database's capitalisation. A name this
 * runtime's ICU lists under an older alias (Asia/Kolkata, listed as Asia/Calcutta) keeps the name typed,
 * with its capitalisation fixed.
 */
export function canonicalTimeZone(input: string): string | undefined {
  const tz = input.trim();
  if (/^(etc\/)?(utc|gmt|zulu|uct)$/i.test(tz) || /^z$/i.test(tz)) return 'UTC';
  // A zone needs a region ("Europe/London"): bare abbreviations such as EST or CET are ambiguous.
  if (!tz.includes('/')) return undefined;
  const listed = knownZones().get(tz.toLowerCase());
  if (listed) return listed;
  const fixed = titleCase(tz);
  if (!accepted(fixed)) return undefined;
  // ICU's own spelling when it is the same name (Etc/GMT+5); the name typed when ICU maps it to an alias.
  const resolved = new Intl.DateTimeFormat('en-GB', { timeZone: fixed }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === fixed.toLowerCase() ? resolved : fixed;
}
