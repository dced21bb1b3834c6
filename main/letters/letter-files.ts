// The Node side of letters, as the channels get it (see LetterFiles in main/api/channel.ts).
import { createHash } from 'node:crypto';
import type { LetterFiles } from '../api/channel';
import { attachmentPath, removeAttachment, saveAttachment } from './attachments';
import { readLetter } from './read-letter';

export const letterFiles: LetterFiles = {
  read: readLetter,
  fingerprint: (text) => createHash('sha256').update(text).digest('hex'),
  save: saveAttachment,
  remove: removeAttachment,
  pathOf: attachmentPath,
};
