// A screen's heading. After a move to another screen, focus goes to it, so that keyboard and
// screen-reader users start there (without scrolling: back and forward restore the scroll position).
// It happens when the heading is drawn, so a screen whose code or data comes later is not missed.
import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';

/** The first screen after the app opens keeps the focus where the browser puts it. */
let opening = true;

export function ScreenTitle({ id, children }: { id: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const path = useRouterState({ select: (state) => state.location.pathname });
  useEffect(() => {
    if (opening) {
      opening = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <h1 id={id} ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
