// A polite live region for confirmations ("Saved."), and a modal confirmation dialog.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Tone = 'info' | 'warning';

interface Status {
  /** Says a message in the polite live region (and shows it); a warning stays longer. */
  announce(message: string, tone?: Tone): void;
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
  const [message, setMessage] = useState<{ text: string; tone: Tone; at: number }>({ text: '', tone: 'info', at: 0 });
  const [pending, setPending] = useState<Pending>();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!message.text) return;
    const timer = setTimeout(() => setMessage({ text: '', tone: 'info', at: 0 }), message.tone === 'warning' ? 12_000 : 4000);
    return () => clearTimeout(timer);
  }, [message]);

  useEffect(() => {
    if (pending) dialog.current?.showModal();
    else dialog.current?.close();
  }, [pending]);

  // Two messages of one action (a warning, then "added") are said together: the second must not hide the first.
  const announce = useCallback(
    (text: string, tone: Tone = 'info') =>
      setMessage((previous) => {
        const now = Date.now();
        if (previous.text && now - previous.at < 1000) {
          if (previous.text.includes(text)) return previous;
          return { text: `${previous.text} ${text}`, tone: previous.tone === 'warning' ? 'warning' : tone, at: now };
        }
        return { text, tone, at: now };
      }),
    [],
  );
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
      <div className={`toast toast-${message.tone}`} role="status" aria-live="polite">
        {message.text}
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
