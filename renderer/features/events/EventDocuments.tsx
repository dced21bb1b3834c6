// An event's documents: what each needs first, as things to fix with a link to where to fix them;
// then the letter, in the language chosen for it, saved where the user says (or downloaded).
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Missing } from '../../../main/domain/document-readiness';
import { LANGUAGES, type Language } from '../../../main/domain/enums';
import { useAnnounceError } from '../../components/forms';
import { useReceiveFile } from '../../components/save-file';
import { useMutation, useQuery } from '../../data';
import { formatDate } from '../../format';

/** The channel that writes each document the app writes so far. */
const CHANNEL = { nomination: 'documents:nomination', experts: 'documents:experts' } as const;
type WrittenKind = keyof typeof CHANNEL;

function MissingItem({ missing }: { missing: Missing }) {
  const { t } = useTranslation();
  if (missing.code === 'noPassport') {
    return (
      <Link to="/people/$personId" params={{ personId: missing.personId }}>
        <bdi>{t('documents.missing.noPassport', { name: missing.name })}</bdi>
      </Link>
    );
  }
  const text = t(`documents.missing.${missing.code}`);
  return missing.code === 'noAdministration' || missing.code === 'noSignatory' ? <Link to="/settings">{text}</Link> : <span>{text}</span>;
}

export function EventDocuments({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery('documents:list', { eventId });
  const mutate = useMutation();
  const receive = useReceiveFile();
  const announceError = useAnnounceError();
  const [language, setLanguage] = useState<Language>();
  const [busy, setBusy] = useState(false);
  const select = useId();
  if (!list.data) return null;
  const chosen = language ?? list.data.language;

  const make = (kind: WrittenKind) => {
    setBusy(true);
    mutate(CHANNEL[kind], { eventId, language: chosen })
      .then(receive, announceError)
      .finally(() => setBusy(false));
  };

  return (
    <section className="card event-documents no-print" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents.title')}</h2>
      <div className="actions">
        <label htmlFor={select}>{t('documents.language')}</label>
        <select id={select} value={chosen} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ul className="plain-list">
        {list.data.documents.map((doc) => (
          <li key={doc.kind} className="document-item" data-testid={`document-${doc.kind}`}>
            <span className="strong">{t(`documents.kind.${doc.kind as WrittenKind}`)}</span>
            {doc.missing.length > 0 && (
              <>
                <p className="warning-text small">{t('documents.toFix')}</p>
                <ul className="missing">
                  {doc.missing.map((m, i) => (
                    <li key={i}>
                      <MissingItem missing={m} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            <button type="button" className="primary" disabled={busy || doc.missing.length > 0} onClick={() => make(doc.kind as WrittenKind)}>
              {t('documents.make')}
            </button>
          </li>
        ))}
      </ul>
      {list.data.issued.length > 0 && (
        <>
          <h3>{t('documents.issued')}</h3>
          <ul className="plain-list small" data-testid="documents-issued">
            {list.data.issued.map((d) => (
              <li key={d.id}>
                <bdi className="strong">{d.reference || '—'}</bdi> · {t(`documents.kind.${d.kind as WrittenKind}`)} · {formatDate(d.date, i18n.language)} · {t(`language.${d.language}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
