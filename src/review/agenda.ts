/**
 * The agenda of a plan: the items of a bulleted or timed list, and the deficit framing an agenda carries
 * when no question or aim is stated.
 */
import { deficitSigns } from '../reframe/deficit.js';
import { INVITEE_LABEL, OTHER_LABEL, PROCEDURAL_ITEM, SPEAKER_LABEL } from './cues.js';

/** An agenda line: a bullet or a clock time at the start ("- Apologies", "09:45 Welcome from the Director"). */
const AGENDA_LINE = /^(?:-\s+|\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:-\s+)?)(?=\S)/i;

/**
 * The items of a bulleted or timed agenda, without their bullets and times, leaving out labelled lines
 * (who, when, where) and housekeeping (apologies, minutes, lunch).
 */
export function agendaItems(text: string): string[] {
  if (!text.includes('\n')) return [];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = AGENDA_LINE.exec(line);
    if (!m) continue;
    const item = line.slice(m[0].length).trim();
    if (!item || out.includes(item)) continue;
    if (!PROCEDURAL_ITEM.test(item) && !INVITEE_LABEL.test(item) && !OTHER_LABEL.test(item) && !SPEAKER_LABEL.test(item)) out.push(item);
  }
  return out;
}

/**
 * Deficit framing carried by an agenda rather than a stated question: problems named in more than half
 * of the items. One item's framing move ("Tackling underachievement" among eight) is one part of the
 * business, not the meeting's theme.
 */
export function agendaDeficit(items: string[]): string[] {
  const evidence: string[] = [];
  let problemItems = 0;
  for (const item of items) {
    const signs = deficitSigns(item);
    if (signs.nouns > 0 && signs.nouns >= signs.aspiration) problemItems += 1;
    if (signs.strong > 0 || signs.nouns > signs.aspiration) evidence.push(...signs.evidence);
  }
  return problemItems * 2 > items.length ? evidence : [];
}
