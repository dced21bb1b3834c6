// The screens and their addresses (hash history: in the desktop app the page is a file, there is no
// server path). Filters live in the address, so back and forward bring them back.
import { createHashHistory, createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { CONTRIBUTION_STATUSES, EVENT_STATUSES, GENDERS, REGISTRATION_STATUSES, ROLES } from '../main/domain/enums';
import type { MenuRoute } from '../main/api/push';
import { Shell } from './App';
import { ScreenError } from './components/ScreenError';
import { Dashboard } from './features/dashboard/Dashboard';
import type { EventFilters } from './features/events/EventList';
import type { DelegationFilters } from './features/events/EventPage';
import { WHEN } from './features/events/when';
import type { ContributionFilters } from './features/contributions/ContributionsPage';
import type { ImportFilters } from './features/people/ImportPeople';
import type { PeopleFilters } from './features/people/PeopleList';

// The Dashboard comes with the first screen; the others load when first opened (the lists bring
// TanStack Table and Virtual, the forms react-hook-form and the schemas), so the app starts sooner.
const EventList = lazyRouteComponent(() => import('./features/events/EventList'), 'EventList');
const EventPage = lazyRouteComponent(() => import('./features/events/EventPage'), 'EventPage');
const MemberDetails = lazyRouteComponent(() => import('./features/events/MemberDetails'), 'MemberDetails');
const EventForm = lazyRouteComponent(() => import('./features/events/EventForm'), 'EventForm');
const PeopleList = lazyRouteComponent(() => import('./features/people/PeopleList'), 'PeopleList');
const PersonForm = lazyRouteComponent(() => import('./features/people/PersonForm'), 'PersonForm');
const LettersPage = lazyRouteComponent(() => import('./features/letters/LettersPage'), 'LettersPage');
const ReviewPage = lazyRouteComponent(() => import('./features/letters/ReviewPage'), 'ReviewPage');
const ImportPeople = lazyRouteComponent(() => import('./features/people/ImportPeople'), 'ImportPeople');
const DeadlinesPage = lazyRouteComponent(() => import('./features/deadlines/DeadlinesPage'), 'DeadlinesPage');
const ContributionsPage = lazyRouteComponent(() => import('./features/contributions/ContributionsPage'), 'ContributionsPage');
const SettingsPage = lazyRouteComponent(() => import('./features/settings/SettingsPage'), 'SettingsPage');

/** A value of the address's search part, kept only when it is one of the allowed ones. */
function oneOf<const T extends readonly string[]>(list: T, value: unknown): T[number] | undefined {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? value : undefined;
}
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 200) : undefined);

const root = createRootRoute({ component: Shell });

const dashboard = createRoute({ getParentRoute: () => root, path: '/', component: Dashboard });
const events = createRoute({
  getParentRoute: () => root,
  path: '/events',
  component: EventList,
  validateSearch: (search: Record<string, unknown>): EventFilters => ({
    q: text(search.q),
    status: oneOf(EVENT_STATUSES, search.status),
    when: oneOf(WHEN, search.when),
  }),
});
const newEvent = createRoute({ getParentRoute: () => root, path: '/events/new', component: () => <EventForm /> });
const event = createRoute({
  getParentRoute: () => root,
  path: '/events/$eventId',
  component: function EventRoute() {
    return <EventPage id={event.useParams().eventId} />;
  },
  validateSearch: (search: Record<string, unknown>): DelegationFilters => ({
    q: text(search.q),
    role: oneOf(ROLES, search.role),
    registration: oneOf(REGISTRATION_STATUSES, search.registration),
  }),
});
const editEvent = createRoute({
  getParentRoute: () => root,
  path: '/events/$eventId/edit',
  component: function EditEventRoute() {
    return <EventForm id={editEvent.useParams().eventId} />;
  },
});
const member = createRoute({
  getParentRoute: () => root,
  path: '/events/$eventId/members/$participationId',
  component: function MemberRoute() {
    const { eventId, participationId } = member.useParams();
    return <MemberDetails eventId={eventId} participationId={participationId} />;
  },
});
const people = createRoute({
  getParentRoute: () => root,
  path: '/people',
  component: PeopleList,
  validateSearch: (search: Record<string, unknown>): PeopleFilters => ({
    q: text(search.q),
    gender: oneOf(GENDERS, search.gender),
  }),
});
const importPeople = createRoute({
  getParentRoute: () => root,
  path: '/people/import',
  component: ImportPeople,
  validateSearch: (search: Record<string, unknown>): ImportFilters => ({ eventId: text(search.eventId) }),
});
const newPerson = createRoute({ getParentRoute: () => root, path: '/people/new', component: () => <PersonForm /> });
const person = createRoute({
  getParentRoute: () => root,
  path: '/people/$personId',
  component: function PersonRoute() {
    return <PersonForm id={person.useParams().personId} />;
  },
});
const letters = createRoute({ getParentRoute: () => root, path: '/letters', component: LettersPage });
const review = createRoute({
  getParentRoute: () => root,
  path: '/letters/review/$draftId',
  component: function ReviewRoute() {
    return <ReviewPage draftId={review.useParams().draftId} />;
  },
});
const deadlines = createRoute({
  getParentRoute: () => root,
  path: '/deadlines',
  component: DeadlinesPage,
  validateSearch: (search: Record<string, unknown>): { eventId?: string } => ({ eventId: text(search.eventId) }),
});
const contributions = createRoute({
  getParentRoute: () => root,
  path: '/contributions',
  component: ContributionsPage,
  validateSearch: (search: Record<string, unknown>): ContributionFilters => ({
    eventId: text(search.eventId),
    status: oneOf(CONTRIBUTION_STATUSES, search.status),
    view: oneOf(['board', 'list'] as const, search.view),
  }),
});
const settings = createRoute({ getParentRoute: () => root, path: '/settings', component: SettingsPage });

const routeTree = root.addChildren([dashboard, events, newEvent, event, editEvent, member, people, importPeople, newPerson, person, letters, review, deadlines, contributions, settings]);

export function createAppRouter() {
  return createRouter({
    routeTree,
    history: createHashHistory(),
    scrollRestoration: true,
    // A screen's code starts loading when the pointer or the keyboard focus reaches its link.
    defaultPreload: 'intent',
    defaultErrorComponent: ScreenError,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}

// The desktop menu's screens are routes of this tree: a renamed route fails the type check here.
type RoutePath = keyof AppRouter['routesByPath'];
const _menuRoutesExist: MenuRoute extends RoutePath ? true : never = true;
void _menuRoutesExist;
