// A contribution's files (drafts, annexes): kept by main under the data folder, opened with the
// computer's own program for them.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '../../../main/domain/model';
import { toBase64 } from '../../../main/domain/base64';
import { LIMITS } from '../../../main/domain/enums';
import { useAnnounceError } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation } from '../../data';

export function ContributionFiles({ contribution: c }: { contribution: Readonly<Contribution> }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const announceError = useAnnounceError();
  const input = useRef<HTMLInputElement>(null);

  const attach = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > LIMITS.letterBytes) return announce(t('contributions.fileTooLarge', { max: LIMITS.letterBytes / 2 ** 20 }), 'warning');
    const content = toBase64(new Uint8Array(await file.arrayBuffer()));
    await mutate('contributions:attach', { id: c.id, fileName: file.name.slice(0, LIMITS.fileName), content }).then(() => announce(t('common.saved')), announceError);
  };

  return (
    <section aria-labelledby={`files-${c.id}`} className="contribution-files">
      <h3 id={`files-${c.id}`}>{t('contributions.attachments')}</h3>
      {c.attachments.length === 0 ? (
        <p className="muted small">{t('common.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="contribution-files">
          {c.attachments.map((a) => (
            <li key={a.name} className="actions">
              <bdi>{a.fileName}</bdi>
              <button
                type="button"
                onClick={() =>
                  void mutate('contributions:openAttachment', { id: c.id, name: a.name }).then(({ opened }) => !opened && announce(t('letters.notOpened'), 'warning'), announceError)
                }
              >
                {t('contributions.open')}
              </button>
              <button type="button" aria-label={t('contributions.remove', { name: a.fileName })} onClick={() => void mutate('contributions:detach', { id: c.id, name: a.name }).catch(announceError)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => input.current?.click()}>
        {t('contributions.attach')}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('contributions.attach')}
        onChange={(e) => {
          void attach(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </section>
  );
}
