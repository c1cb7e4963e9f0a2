/**
 * Nouns for people, in the three ways a plan counts them: people in general ("40 participants"), kinds of
 * person that add up ("ten carers, two nurses") and one named person in a list ("a school nurse").
 */

/** Nouns for people in general: a number before them is a head count for the whole meeting. */
export const GENERAL = '(?:people|persons|ppl|participants|attendees|delegates|guests|members|places|seats|invitees|folks)';
/** Nouns for a kind of person: numbers before them add up to a head count. */
export const SPECIFIC =
  "(?:young (?:people|carers)|older people|service users|new starters|chief executives|year ?\\d{1,2}s|" +
  "staff|colleagues|volunteers|residents|tenants|patients|carers|pupils|students|parents|families|nurses|" +
  "doctors|gps|teachers|developers|devs|engineers|managers|leaders|leads|directors|officers|councillors|" +
  "trustees|governors|customers|clients|users|citizens|children|kids|clinicians|consultants|practitioners|" +
  "professionals|partners|employees|receptionists|porters|workers|pcsos|hcas|owners|rangers|" +
  "designers|analysts|lecturers|tutors|mentors|heads|executives|commissioners|coordinators|pms|" +
  "learners|neighbours|stakeholders|officials|paramedics|pharmacists|midwives|therapists|apprentices|" +
  "governors|deputies|ahts|board members|representatives|reps|teenagers|adults|women|men|mums|dads|shareholders|stockholders)";
/** One named person in a list ("a school nurse"), counted only beside other numbered people. */
export const SINGLE =
  '(?:nurse|teacher|worker|manager|councillor|caretaker|head|officer|coordinator|co-ordinator|gp|' +
  'receptionist|porter|matron|consultant|supervisor|pastor|pcso|engineer|developer|designer|analyst|' +
  'lead|director|chair|clerk|owner|volunteer|resident|parent|carer|patient|student|governor|librarian|' +
  'ranger|doctor|therapist|pharmacist|paramedic|leader|rep|representative|member|commissioner|secretary)';
