// Reading and changing data through the API. Every successful change bumps one revision number,
// and every open query reloads: the data set is small and this keeps every screen in step.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Channel, Input, Output } from '../main/api/contract';
import { ApiError, call } from './api';

interface Revision {
  revision: number;
  /** Bumped when a change is refused by the data store: only app:status reloads (forms keep what was typed). */
  statusRevision: number;
  bump(): void;
  refreshStatus(): void;
}

const RevisionContext = createContext<Revision>({ revision: 0, statusRevision: 0, bump: () => undefined, refreshStatus: () => undefined });

export function DataProvider({ children }: { children: ReactNode }) {
  const [revision, setRevision] = useState(0);
  const [statusRevision, setStatusRevision] = useState(0);
  const bump = useCallback(() => setRevision((r) => r + 1), []);
  const refreshStatus = useCallback(() => setStatusRevision((r) => r + 1), []);
  const value = useMemo(() => ({ revision, statusRevision, bump, refreshStatus }), [revision, statusRevision, bump, refreshStatus]);
  return <RevisionContext.Provider value={value}>{children}</RevisionContext.Provider>;
}

export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Loads a channel's answer, again after every change; `enabled: false` waits (e.g. a form for a new record). */
export function useQuery<C extends Channel>(channel: C, input?: Input<C>, enabled = true): Query<Output<C>> {
  const { revision, statusRevision } = useContext(RevisionContext);
  const key = JSON.stringify(input ?? null);
  const storeRevision = channel === 'app:status' ? statusRevision : 0;
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
  }, [channel, key, revision, storeRevision, enabled]);
  return state;
}

/**
 * Calls a channel that changes data, then lets every query reload. A change the data store refused
 * (store.readOnly, store.lockTaken…) reloads app:status, so that the data banner says why at once.
 */
export function useMutation() {
  const { bump, refreshStatus } = useContext(RevisionContext);
  return useCallback(
    async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      let value: Output<C>;
      try {
        value = await call(channel, input);
      } catch (error) {
        if (error instanceof ApiError && error.code.startsWith('store.')) refreshStatus();
        throw error;
      }
      bump();
      return value;
    },
    [bump, refreshStatus],
  );
}
