// The closed lists of the data model: plain data, shared with the renderer (no zod here).
export const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** 'fr-CH', 'fr_FR.UTF-8' → 'fr'; undefined when it is none of the app's six languages. */
export function asLanguage(value: string | undefined): Language | undefined {
  const base = (value ?? '').toLowerCase().split(/[-_.]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : undefined;
}

export const EVENT_KINDS = [
  'conference', 'assembly', 'forum', 'council', 'studyGroup', 'regionalMeeting', 'worldDay', 'other',
] as const;
export const EVENT_STATUSES = ['invited', 'considering', 'attending', 'declined', 'past'] as const;
export const MODALITIES = ['inPerson', 'hybrid', 'virtual'] as const;
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export const ROLES = [
  'head', 'deputyHead', 'delegate', 'adviser', 'expert', 'youthDelegate', 'observer',
] as const;
export const ATTENDANCES = ['inPerson', 'remote'] as const;
/** Protocol categories (WTDC-25): a head of delegation is not a VIP unless a minister, ambassador… */
export const VIP_CATEGORIES = ['VVIP', 'UN', 'MIN', 'DMIN', 'AMB'] as const;
export const VISA_STATUSES = ['notNeeded', 'needed', 'letterRequested', 'letterReceived', 'granted', 'refused'] as const;
export const FELLOWSHIPS = ['full', 'partial'] as const;
export const FELLOWSHIP_STATUSES = ['requested', 'granted', 'refused'] as const;
export const REGISTRATION_STATUSES = [
  'notStarted', 'requested', 'approvedByFocalPoint', 'confirmed', 'cancelled',
] as const;

/** Who at ITU sent a letter: the General Secretariat or a Bureau. */
export const SENDERS = ['SG', 'BDT', 'TSB', 'BR', 'other'] as const;
export const REPLY_STATUSES = ['toDo', 'replied', 'notNeeded'] as const;
export const LETTER_FORMATS = ['txt', 'docx', 'pdf', 'eml'] as const;
export const DEADLINE_KINDS = [
  'reply', 'registration', 'contribution', 'nomination', 'visa', 'fellowship', 'credentials', 'other',
] as const;

export const CONTRIBUTION_TYPES = ['contribution', 'proposal', 'commonProposal', 'comment', 'information'] as const;
/** The way a contribution goes, in order: published means ITU has given it its document number. */
export const CONTRIBUTION_STATUSES = ['idea', 'drafting', 'internalReview', 'approved', 'submitted', 'published'] as const;

/** The official documents the app writes (each a .docx), and the registration pack that bundles them. */
export const DOCUMENT_KINDS = ['nomination', 'experts', 'credentials', 'visa', 'focalPoint', 'reply', 'pack'] as const;

export const LIMITS = { passportNumber: 40, name: 200, text: 500, reference: 120, fileName: 255, notes: 10_000, email: 254, phone: 40, url: 2_000, letterBytes: 20 * 2 ** 20 } as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type Modality = (typeof MODALITIES)[number];
export type Role = (typeof ROLES)[number];
export type Gender = (typeof GENDERS)[number];
export type Attendance = (typeof ATTENDANCES)[number];
export type VipCategory = (typeof VIP_CATEGORIES)[number];
export type VisaStatus = (typeof VISA_STATUSES)[number];
export type Fellowship = (typeof FELLOWSHIPS)[number];
export type FellowshipStatus = (typeof FELLOWSHIP_STATUSES)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type Sender = (typeof SENDERS)[number];
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
