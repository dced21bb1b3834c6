// A file main made for the user arrives saved (the desktop app's save dialog), cancelled, or as bytes
// to download (browser mode): this turns each into what the user sees.
import { useTranslation } from 'react-i18next';
import type { Delivered } from '../../main/api/contract';
import { fromBase64 } from '../../main/domain/base64';
import { useStatus } from './Status';

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar',
  zip: 'application/zip',
};

function download({ fileName, content }: { fileName: string; content: string }): void {
  const type = TYPES[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([fromBase64(content) as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the address is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands a delivered file to the user and says what became of it. */
export function useReceiveFile(): (result: Delivered) => void {
  const { t } = useTranslation();
  const { announce } = useStatus();
  return (result) => {
    if (result.delivery === 'cancelled') return;
    if (result.delivery === 'download') download(result);
    announce(t(result.delivery === 'saved' ? 'files.saved' : 'files.downloaded', { name: result.fileName }));
  };
}
