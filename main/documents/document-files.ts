// The documents, built by Node (the docx package): given to the channels so that they stay free of Node.
import type { DocumentFiles } from '../api/channel';
import { buildExpertNomination } from './experts';
import { buildNominationLetter } from './nomination';

export const documentFiles: DocumentFiles = {
  nomination: async (data, language) => new Uint8Array(await buildNominationLetter(data, language)),
  experts: async (data, language) => new Uint8Array(await buildExpertNomination(data, language)),
};
