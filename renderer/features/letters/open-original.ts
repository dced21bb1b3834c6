import { useTranslation } from 'react-i18next';
import { useAnnounceError } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation } from '../../data';

/** Opens a letter's original with the system's program, or says where it is. */
export function useOpenOriginal() {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const announceError = useAnnounceError();
  return (id: string) =>
    mutate('invitations:openOriginal', { id }).then(
      ({ opened }) => !opened && announce(t('letters.notOpened'), 'warning'),
      announceError,
    );
}
