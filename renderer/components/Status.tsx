// A polite live region for confirmations ("Saved."), and a modal confirmation dialog.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Status {
  announce(message: string): void;
  confirm(message: string, action: string): Promise<boolean>;
}

const StatusContext = createContext<Status>({ announce: () => undefined, confirm: async () => false });

export function useStatus(): Status {
  return useContext(StatusContext);
}

interface Pending {
  message: string;
  action: string;
  resolve: (ok: boolean) => void;
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState<Pending>();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  useEffect(() => {
    if (pending) dialog.current?.showModal();
    else dialog.current?.close();
  }, [pending]);

  const announce = useCallback((text: string) => setMessage(text), []);
  const confirm = useCallback(
    (text: string, action: string) => new Promise<boolean>((resolve) => setPending({ message: text, action, resolve })),
    [],
  );
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(undefined);
  };

  return (
    <StatusContext.Provider value={{ announce, confirm }}>
      {children}
      <div className="toast" role="status" aria-live="polite">
        {message}
      </div>
      <dialog ref={dialog} className="confirm" aria-labelledby="confirm-message" onCancel={() => answer(false)}>
        <p id="confirm-message">{pending?.message}</p>
        <div className="actions">
          <button type="button" onClick={() => answer(false)} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => answer(true)}>
            {pending?.action}
          </button>
        </div>
      </dialog>
    </StatusContext.Provider>
  );
}
