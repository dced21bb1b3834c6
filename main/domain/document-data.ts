// The plain data each document is built from: what main gathers from the file and hands to the builders
// (main/documents), declared here so that the channels' contract reaches no builder.
import type { EventKind, Role, Sender } from './enums';

/** An image for the letterhead (PNG or JPEG), embedded in the document. */
export interface Logo {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
}

export interface NominationData {
  profile: {
    administration: string;
    address: string;
    country?: string;
    signatoryName: string;
    signatoryTitle: string;
    logo?: Logo;
  };
  /** Where the letter is signed. */
  place: string;
  /** The letter's date, 'YYYY-MM-DD'. */
  date: string;
  outgoingReference: string;
  event: {
    name: string;
    acronym: string;
    kind: EventKind;
    startDate: string;
    endDate: string;
    city: string;
    country?: string;
  };
  invitation?: { reference: string; letterDate?: string; sender?: Sender };
  /** The caller leaves out cancelled participations. */
  members: NominationMember[];
  contact?: { name: string; email: string; phone?: string };
}

export interface NominationMember {
  role: Role;
  title?: string;
  givenName: string;
  familyName: string;
  function?: string;
  organisation?: string;
  email?: string;
}

/** A call for experts answered (CL-24/44): the call's letter and deadline, and each expert. */
export interface ExpertsData extends Omit<NominationData, 'members' | 'contact'> {
  /** The date the call asks for the nominations by, 'YYYY-MM-DD'. */
  deadline?: string;
  experts: (Pick<NominationMember, 'title' | 'givenName' | 'familyName' | 'organisation' | 'email'> & { biography?: string })[];
}
