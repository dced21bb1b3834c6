// Reading and changing data through the API. Every successful change bumps one revision number,
// and every open query reloads: the data set is small and this keeps every screen in step.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Channel, Input, Output } from '../main/api/contract';
import { ApiError, call } from './api';

interface Revision {
  revision: number;
  bump(): void;
}

const RevisionContext = createContext<Revision>({ revision: 0, bump: () => undefined });

export function DataProvider({ children }: { children: ReactNode }) {
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  const value = useMemo(() => ({ revision, bump }), [revision, bump]);
  return <RevisionContext.Provider value={value}>{children}</RevisionContext.Provider>;
}

export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Loads a channel's answer, again after every change; `enabled: false` waits (e.g. a form for a new record). */
export function useQuery<C extends Channel>(channel: C, input?: Input<C>, enabled = true): Query<Output<C>> {
  const { revision } = useContext(RevisionContext);
  const key = JSON.stringify(input ?? null);
  const [state, setState] = useState<Query<Output<C>>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (!enabled) return setState({ data: undefined, error: undefined, loading: false });
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    call(channel, input).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) =>
        current &&
        setState({ data: undefined, error: error instanceof ApiError ? error : new ApiError('errors.unexpected'), loading: false }),
    );
    return () => {
      current = false;
    };
    // key stands for input: a new object with the same content must not reload.
  }, [channel, key, revision, enabled]);
  return state;
}

/** Calls a channel that changes data, then lets every query reload. */
export function useMutation() {
  const { bump } = useContext(RevisionContext);
  return useCallback(
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const value = await call(channel, input);
      bump();
      return value;
    },
    [bump],
  );
}
