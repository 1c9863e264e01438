// Feedback after an event, for people who were checked in: a rating from 1 to 5 (radio buttons
// in a fieldset) and an optional comment, once. Afterwards, thanks.
import type { EventView } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/field';
import { useErrorMessage } from '../../../lib/errors';
import { useGiveFeedback } from '../api/feedback';
import { hasStarted } from '../labels';

const RATINGS = [5, 4, 3, 2, 1] as const;

/** Whether the viewer may be asked for feedback: they attended, and the event has begun. */
export function feedbackDue(event: EventView, now = Date.now()): boolean {
  return !!event.myRegistration?.checkedIn && hasStarted(event, now);
}

export function FeedbackSection({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  if (!feedbackDue(event)) return null;
  const given = !!event.myRegistration?.feedbackGiven;
  return (
    <section className="card feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback.title')}</h2>
      <div role="status">
        {given ? <p className="notice notice--success">{t('feedback.thanks')}</p> : null}
      </div>
      {given ? null : <FeedbackForm eventId={event.id} />}
    </section>
  );
}

function FeedbackForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation('events');
  const errorMessage = useErrorMessage();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState(false);
  const give = useGiveFeedback(eventId);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (rating === null) {
      setRatingError(true);
      document.getElementById(`feedback-rating-${RATINGS[0]}`)?.focus();
      return;
    }
    give.mutate({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="feedback-title">
      <p>{t('feedback.intro')}</p>
      <fieldset
        className={
          ratingError ? 'field field--group radio-group field--invalid' : 'field field--group radio-group'
        }
        aria-describedby={ratingError ? 'feedback-rating-error' : undefined}
      >
        <legend>{t('feedback.rating')}</legend>
        {ratingError ? (
          <p className="field__error" id="feedback-rating-error">
            {t('feedback.ratingRequired')}
          </p>
        ) : null}
        {RATINGS.map((value) => (
          <div key={value} className="radio">
            <input
              type="radio"
              id={`feedback-rating-${value}`}
              name="feedback-rating"
              value={value}
              checked={rating === value}
              onChange={() => {
                setRating(value);
                setRatingError(false);
              }}
            />
            <label htmlFor={`feedback-rating-${value}`}>{t(`feedback.ratings.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id="feedback-comment"
        label={t('feedback.comment')}
        hint={t('feedback.commentHint')}
        maxLength={2000}
        rows={4}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {give.isError ? (
        <p className="notice notice--danger" role="alert">
          {errorMessage(give.error)}
        </p>
      ) : null}
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={give.isPending}
          aria-busy={give.isPending || undefined}
        >
          {t('feedback.submit')}
        </button>
      </div>
    </form>
  );
}
