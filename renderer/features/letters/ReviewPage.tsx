// Reviewing a letter that was read: its fields, its event and its deadlines beside the letter's text,
// each value highlighted where it was found. Nothing is saved before "Confirm".
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, type FormEvent } from 'react';
import { useFieldArray, useForm, type Path, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LetterReading } from '../../../main/api/contract';
import { DEADLINE_KINDS, EVENT_KINDS, LANGUAGES, MODALITIES, REPLY_STATUSES, SENDERS } from '../../../main/domain/enums';
import { letterReviewInput, type LetterReviewInput } from '../../../main/domain/inputs';
import type { SnippetField } from '../../../main/domain/letters/proposal';
import { eventFields, invitationFields } from '../../../main/domain/model';
import { fieldIssues } from '../../../main/errors';
import { ApiError } from '../../api';
import { DateField, SelectField, TextField } from '../../components/Fields';
import { useLeaveGuard } from '../../components/forms';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName, formatDateRange } from '../../format';
import { messageKey } from '../../i18n';
import { useImportQueue } from './import-queue';
import { LetterText, showHighlight, type Highlight } from './LetterText';

const INVITATION = ['reference', 'letterDate', 'sender', 'subject', 'language', 'addressees', 'contactEmail', 'replyStatus', 'replyBy', 'notes'] as const;
const EVENT = ['name', 'acronym', 'kind', 'city', 'country', 'startDate', 'endDate', 'modality'] as const;

interface ReviewValues {
  invitation: Record<(typeof INVITATION)[number], string>;
  /** A recorded event's id, 'new' or 'none'. */
  eventChoice: string;
  event: Record<(typeof EVENT)[number], string>;
  deadlines: { keep: boolean; date: string; what: string; kind: string; start?: number; end?: number }[];
}

const text = (value: string | null | undefined) => value ?? '';

function initialValues({ proposal: p }: LetterReading): ReviewValues {
  const canCreate = Boolean(p.event.name && p.event.startDate && p.event.endDate);
  return {
    invitation: {
      reference: text(p.invitation.reference), letterDate: text(p.invitation.letterDate), sender: text(p.invitation.sender),
      subject: text(p.invitation.subject), language: text(p.invitation.language), addressees: text(p.invitation.addressees),
      contactEmail: text(p.invitation.contactEmail), replyStatus: p.invitation.replyStatus, replyBy: text(p.invitation.replyBy), notes: '',
    },
    eventChoice: p.matches[0]?.id ?? (canCreate ? 'new' : 'none'),
    event: {
      name: text(p.event.name), acronym: text(p.event.acronym), kind: p.event.kind, city: text(p.event.city),
      country: text(p.event.country), startDate: text(p.event.startDate), endDate: text(p.event.endDate), modality: p.event.modality,
    },
    deadlines: p.deadlines.map((d) => ({ keep: true, date: d.date, what: d.what, kind: d.kind, start: d.start, end: d.end })),
  };
}

const orNull = (value: string) => (value === '' ? null : value);

/** The form's values as the confirm channel takes them, and where each kept deadline was in the form. */
function toInput(values: ReviewValues): { input: LetterReviewInput; kept: number[] } {
  const kept = values.deadlines.flatMap((d, i) => (d.keep ? [i] : []));
  const v = values.invitation;
  const e = values.event;
  return {
    kept,
    input: {
      invitation: {
        reference: v.reference, letterDate: orNull(v.letterDate), sender: orNull(v.sender) as never, subject: v.subject,
        language: orNull(v.language) as never, addressees: v.addressees, contactEmail: v.contactEmail,
        replyStatus: v.replyStatus as never, replyBy: orNull(v.replyBy), notes: v.notes,
      },
      event: values.eventChoice === 'none' ? null
        : values.eventChoice === 'new' ? { create: { ...e, country: orNull(e.country) as never, kind: e.kind as never, modality: e.modality as never } }
        : { link: values.eventChoice },
      deadlines: kept.map((i) => ({ date: values.deadlines[i].date, what: values.deadlines[i].what, kind: values.deadlines[i].kind as never })),
    },
  };
}

/** A message's path in the confirm input → the form field that shows it. */
function formPath(path: string, kept: number[]): string {
  const [head, ...rest] = path.split('.');
  if (head === 'invitation') return rest.join('.');
  if (head === 'event') return `event.${rest.slice(1).join('.')}`;
  if (head === 'deadlines') return `deadlines.${kept[Number(rest[0])]}.${rest.slice(1).join('.')}`;
  // A rule of the event itself (its last day before its first) names the event's field alone.
  return (EVENT as readonly string[]).includes(head) ? `event.${path}` : path;
}

function useReviewForm(reading: LetterReading) {
  const { t } = useTranslation();
  const resolver: Resolver<ReviewValues> = async (values) => {
    const { input, kept } = toInput(values);
    const parsed = letterReviewInput.safeParse(input);
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of fieldIssues(parsed.error)) {
      const path = formPath(issue.path, kept).replace(/^(?!invitation|event|deadlines)/, 'invitation.');
      const parts = path.split('.');
      let node = errors as Record<string, unknown>;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1)!] ??= { type: issue.code, message: t(messageKey(issue.code), issue.params) };
    }
    return { values: {}, errors: errors as never };
  };
  return useForm<ReviewValues>({ defaultValues: initialValues(reading), resolver, mode: 'onSubmit', reValidateMode: 'onChange' });
}

export function ReviewPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const queue = useImportQueue();
  const item = queue.items.find((i) => i.reading?.draftId === draftId && i.state === 'ready');
  if (!item?.reading) {
    return (
      <section aria-labelledby="review-title">
        <ScreenTitle id="review-title">{t('letters.review.title')}</ScreenTitle>
        <p role="alert">{t('letters.review.notFound')}</p>
        <Link to="/letters">{t('letters.review.back')}</Link>
      </section>
    );
  }
  return <Review key={draftId} reading={item.reading} />;
}

function Review({ reading }: { reading: LetterReading }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const queue = useImportQueue();
  const events = useQuery('events:list');
  const form = useReviewForm(reading);
  const deadlines = useFieldArray({ control: form.control, name: 'deadlines' });
  const { allowLeave } = useLeaveGuard(form.formState.isDirty);
  const { proposal } = reading;
  const choice = form.watch('eventChoice');
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  const options = <T extends string>(list: readonly T[], label: (value: T) => string) => list.map((value) => ({ value, label: label(value) }));

  const highlights = useMemo<Highlight[]>(() => {
    const fields: SnippetField[] = ['reference', 'letterDate', 'contactEmail', 'eventAcronym', 'eventName', 'city', 'country', 'dates', 'virtual'];
    const out: Highlight[] = fields.flatMap((f) => (proposal.snippets[f] ? [{ id: `snippet-${f}`, ...proposal.snippets[f] }] : []));
    proposal.deadlines.forEach((d, i) => out.push({ id: `snippet-deadline-${i}`, start: d.start, end: d.end }));
    return out;
  }, [proposal]);

  const show = (field: SnippetField) =>
    proposal.snippets[field] ? (
      <button type="button" className="link-button" onClick={() => showHighlight(`snippet-${field}`)}>
        {t('letters.review.show')}
      </button>
    ) : null;

  const submit = form.handleSubmit(async (values) => {
    const { input, kept } = toInput(values);
    try {
      const saved = await mutate('letters:confirm', { draftId: reading.draftId, ...input });
      allowLeave();
      queue.markSaved(reading.draftId, saved);
      announce(t('letters.review.saved'));
      const next = queue.items.find((i) => i.state === 'ready' && i.reading && i.reading.draftId !== reading.draftId);
      if (next?.reading) void navigate({ to: '/letters/review/$draftId', params: { draftId: next.reading.draftId } });
      else void navigate({ to: '/letters' });
    } catch (error) {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      api.issues.forEach((issue, i) =>
        form.setError(formPath(issue.path, kept).replace(/^(?!invitation|event|deadlines)/, 'invitation.') as Path<ReviewValues>,
          { type: issue.code, message: t(messageKey(issue.code), issue.params) }, { shouldFocus: i === 0 }));
      form.setError('root', { message: api.issues.length > 0 ? t('form.fixErrors') : t(messageKey(api.code), api.params) });
    }
  });

  const discard = async () => {
    if (!(await confirm(t('letters.review.discardConfirm'), t('letters.review.discard')))) return;
    allowLeave();
    queue.discard(reading.draftId);
    void navigate({ to: '/letters' });
  };

  const otherEvents = (events.data ?? []).filter((e) => !proposal.matches.some((m) => m.id === e.id));
  const max = (name: keyof typeof invitationFields) => invitationFields[name].maxLength;
  const rootError = form.formState.errors.root?.message;

  return (
    <section aria-labelledby="review-title" className="review">
      <ScreenTitle id="review-title">{t('letters.review.title')}</ScreenTitle>
      <p className="muted">
        <bdi>{reading.fileName}</bdi> · {t('letters.review.intro')}
      </p>
      {reading.duplicate && (
        <p className="warning-text">
          {t('letters.duplicate', { reference: reading.duplicate.reference || reading.duplicate.fileName })}
        </p>
      )}
      <div className="review-layout">
        <form className="form review-form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
          {rootError && (
            <p className="form-error" role="alert">
              {rootError}
            </p>
          )}
          <fieldset>
            <legend>{t('letters.review.letterPart')}</legend>
            <div className="grid">
              <div className="with-source">
                <TextField form={form} name="invitation.reference" label={t('letters.field.reference')} maxLength={max('reference')} />
                {show('reference')}
              </div>
              <div className="with-source">
                <DateField form={form} name="invitation.letterDate" label={t('letters.field.letterDate')} />
                {show('letterDate')}
              </div>
              <SelectField form={form} name="invitation.sender" label={t('letters.field.sender')} placeholder={t('form.chooseOne')} options={options(SENDERS, (s) => t(`letters.sender.${s}`))} />
              <SelectField form={form} name="invitation.language" label={t('letters.field.language')} placeholder={t('form.chooseOne')} options={options(LANGUAGES, (l) => t(`language.${l}`))} />
              <div className="with-source">
                <TextField form={form} name="invitation.contactEmail" type="email" label={t('letters.field.contactEmail')} maxLength={max('contactEmail')} />
                {show('contactEmail')}
              </div>
              <SelectField form={form} name="invitation.replyStatus" label={t('letters.field.replyStatus')} options={options(REPLY_STATUSES, (s) => t(`letters.replyStatus.${s}`))} />
              <DateField form={form} name="invitation.replyBy" label={t('letters.field.replyBy')} />
            </div>
            <TextField form={form} name="invitation.subject" label={t('letters.field.subject')} multiline rows={3} maxLength={max('subject')} />
            <TextField form={form} name="invitation.addressees" label={t('letters.field.addressees')} multiline rows={3} maxLength={max('addressees')} />
            <TextField form={form} name="invitation.notes" label={t('letters.field.notes')} multiline rows={2} maxLength={max('notes')} />
          </fieldset>

          <fieldset>
            <legend>{t('letters.review.eventPart')}</legend>
            <SelectField
              form={form}
              name="eventChoice"
              label={t('letters.review.eventChoice')}
              options={[
                ...proposal.matches.map((e) => ({ value: e.id, label: t('letters.review.matched', { name: `${e.acronym || e.name} (${formatDateRange(e.startDate, e.endDate, i18n.language)})` }) })),
                { value: 'new', label: t('letters.review.eventNew') },
                { value: 'none', label: t('letters.review.eventNone') },
                ...otherEvents.map((e) => ({ value: e.id, label: t('letters.review.otherEvent', { name: `${e.acronym || e.name} (${formatDateRange(e.startDate, e.endDate, i18n.language)})` }) })),
              ]}
            />
            {proposal.event.acronymEnglish && proposal.event.acronymEnglish !== proposal.event.acronym && (
              <p className="field-hint">{t('letters.review.englishAcronym', { acronym: proposal.event.acronymEnglish })}</p>
            )}
            {proposal.snippets.virtual && (
              <p className="field-hint">
                {t('letters.review.virtual')} {show('virtual')}
              </p>
            )}
            {choice === 'new' && (
              <div className="grid">
                <div className="with-source">
                  <TextField form={form} name="event.name" label={t('events.field.name')} required maxLength={eventFields.name.maxLength} />
                  {show('eventName')}
                </div>
                <div className="with-source">
                  <TextField form={form} name="event.acronym" label={t('events.field.acronym')} maxLength={eventFields.acronym.maxLength} />
                  {show('eventAcronym')}
                </div>
                <SelectField form={form} name="event.kind" label={t('events.field.kind')} required options={options(EVENT_KINDS, (k) => t(`events.kind.${k}`))} />
                <SelectField form={form} name="event.modality" label={t('events.field.modality')} options={options(MODALITIES, (m) => t(`events.modality.${m}`))} />
                <div className="with-source">
                  <DateField form={form} name="event.startDate" label={t('events.field.startDate')} required />
                  {show('dates')}
                </div>
                <DateField form={form} name="event.endDate" label={t('events.field.endDate')} required />
                <div className="with-source">
                  <TextField form={form} name="event.city" label={t('events.field.city')} maxLength={eventFields.city.maxLength} />
                  {show('city')}
                </div>
                <div className="with-source">
                  <SelectField form={form} name="event.country" label={t('events.field.country')} placeholder={t('form.chooseOne')} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
                  {show('country')}
                </div>
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('letters.review.deadlinesPart')}</legend>
            {deadlines.fields.length === 0 && <p className="empty">{t('letters.review.noDeadlines')}</p>}
            <ol className="deadline-rows">
              {deadlines.fields.map((row, i) => (
                <li key={row.id} className="deadline-row" data-testid="deadline-row">
                  <label className="keep">
                    <input type="checkbox" {...form.register(`deadlines.${i}.keep`)} />
                    {t('letters.review.keep')}
                  </label>
                  <DateField form={form} name={`deadlines.${i}.date`} label={t('letters.review.deadlineDate')} required />
                  <SelectField form={form} name={`deadlines.${i}.kind`} label={t('letters.review.deadlineKind')} options={options(DEADLINE_KINDS, (k) => t(`letters.deadlineKind.${k}`))} />
                  <TextField form={form} name={`deadlines.${i}.what`} label={t('letters.review.deadlineWhat')} required multiline rows={2} maxLength={500} />
                  {row.start !== undefined && (
                    <button type="button" className="link-button" onClick={() => showHighlight(`snippet-deadline-${i}`)}>
                      {t('letters.review.show')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            <button type="button" className="button" onClick={() => deadlines.append({ keep: true, date: '', what: '', kind: 'other' })}>
              {t('letters.review.addDeadline')}
            </button>
          </fieldset>

          <div className="actions">
            <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
              {t('letters.review.confirm')}
            </button>
            <button type="button" className="button danger" onClick={() => void discard()}>
              {t('letters.review.discard')}
            </button>
          </div>
        </form>
        <aside className="review-text" aria-labelledby="letter-text-title">
          <h2 id="letter-text-title">{t('letters.review.text')}</h2>
          <p className="field-hint">{t('letters.review.highlighted')}</p>
          {reading.attachments.length > 0 && <p className="field-hint">{t('letters.review.attachments', { names: reading.attachments.join(', ') })}</p>}
          <LetterText text={proposal.text} highlights={highlights} label={t('letters.review.text')} />
        </aside>
      </div>
    </section>
  );
}
