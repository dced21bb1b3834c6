// The delegation out as a spreadsheet (CSV or Excel): passport columns only when the user ticks them.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReceiveFile } from '../../components/save-file';
import { useMutation } from '../../data';
import { errorMessage } from '../../i18n';

export function ExportDelegation({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const receive = useReceiveFile();
  const [passports, setPassports] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const title = useId();

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(undefined);
    try {
      receive(await mutate('people:export', { eventId, format, passports }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-delegation no-print" role="group" aria-labelledby={title}>
      <span id={title} className="strong">
        {t('delegation.export.title')}
      </span>
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {t('delegation.export.xlsx')}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {t('delegation.export.csv')}
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={passports} onChange={(e) => setPassports(e.target.checked)} />
        {t('delegation.export.passports')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
