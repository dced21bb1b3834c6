// Drop or pick letters (one or many), or paste a letter's text: each is read in turn, with a progress bar
// and a line per file saying what became of it.
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { messageKey } from '../../i18n';
import { useImportQueue, type ImportItem } from './import-queue';

const ACCEPT = '.txt,.text,.docx,.pdf,.eml,text/plain,application/pdf,message/rfc822,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fromFiles(files: FileList | File[]) {
  return [...files].map((file) => ({ name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }));
}

function ItemLine({ item }: { item: ImportItem }) {
  const { t } = useTranslation();
  const duplicate = item.reading?.duplicate;
  return (
    <li className={`import-item import-${item.state}`} data-testid="import-item">
      <bdi className="file-name">{item.fileName}</bdi>{' '}
      {item.state === 'waiting' && <span className="muted">{t('letters.import.waiting')}</span>}
      {item.state === 'reading' && <span className="muted">{t('letters.import.reading')}</span>}
      {item.state === 'failed' && item.error && (
        <span className="field-error">{t(messageKey(item.error.code), { ...item.error.params, name: item.fileName })}</span>
      )}
      {item.state === 'ready' && item.reading && (
        <>
          {duplicate && (
            <span className="warning-text">{t('letters.duplicate', { reference: duplicate.reference || duplicate.fileName })} </span>
          )}
          <Link to="/letters/review/$draftId" params={{ draftId: item.reading.draftId }} className="button">
            {t('letters.import.review')}
          </Link>
        </>
      )}
      {item.state === 'saved' && <span className="ok-text">{t('letters.import.saved')}</span>}
    </li>
  );
}

export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const queue = useImportQueue();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [pasted, setPasted] = useState('');
  const pasteId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  const done = queue.items.filter((i) => i.state !== 'waiting' && i.state !== 'reading').length;
  const total = queue.items.length;
  const busy = done < total;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length > 0) queue.add(fromFiles(e.dataTransfer.files));
  };

  return (
    <section className="card import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('letters.import.title')}</h2>
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>{t('letters.import.drop')}</p>
        <button type="button" className="button primary" onClick={() => input.current?.click()}>
          {t('letters.import.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('letters.import.pick')}
          onChange={(e) => {
            if (e.target.files && e.target.files.length > 0) queue.add(fromFiles(e.target.files));
            e.target.value = '';
          }}
        />
        <p className="field-hint">{t('letters.import.formats')}</p>
      </div>
      <details className="paste">
        <summary>{t('letters.import.pasteTitle')}</summary>
        <label htmlFor={pasteId}>{t('letters.import.pasteLabel')}</label>
        <textarea id={pasteId} rows={6} dir="auto" value={pasted} maxLength={2_000_000} onChange={(e) => setPasted(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={pasted.trim() === ''}
          onClick={() => {
            const bytes = new TextEncoder().encode(pasted);
            queue.add([{ name: t('letters.import.pastedName'), size: bytes.length, read: async () => bytes }]);
            setPasted('');
          }}
        >
          {t('letters.import.pasteRead')}
        </button>
      </details>
      {total > 0 && (
        <div className="import-progress">
          <label>
            <span>{busy ? t('letters.import.progress', { done: n(done), total: n(total) }) : t('letters.import.finished', { total: n(total) })}</span>
            <progress max={total} value={done} />
          </label>
          <ul className="plain-list" aria-live="polite">
            {queue.items.map((item) => (
              <ItemLine key={item.key} item={item} />
            ))}
          </ul>
          {!busy && (
            <button type="button" className="button" onClick={queue.clearFinished}>
              {t('letters.import.clear')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
