import { useState } from 'preact/hooks';
import type { Decision, ProcessDetail, ReviewDetail } from '../api/types';
import { useApp } from '../app/context';
import { formatTime } from '../app/format';
import { useAction, useLoad } from '../app/use-load';
import { Layout } from '../components/Layout';
import { ProcessView } from '../components/ProcessView';
import { ErrorNote, Show } from '../components/Status';

const path = (id: string, rest = '') => `/reviews/${encodeURIComponent(id)}${rest}`;

/** One case: claim it, look at everything, correct extracted fields, then accept or reject with a reason. */
export function ReviewPage({ id }: { id: string }) {
  const { api } = useApp();
  const detail = useLoad(() => api.get<ReviewDetail>(path(id)), id);
  const process = useLoad(() => api.get<ProcessDetail>(`/processes/${encodeURIComponent(id)}`), id);
  return (
    <Layout section="reviews" title={`Review ${id}`}>
      <div class="review">
        <section aria-labelledby="decide" class="decide">
          <h2 id="decide">Decision</h2>
          <Show loaded={detail}>
            {(data) => (
              <>
                {data.selfieVideo && (
                  <p data-testid="review-prompt">
                    In the selfie video, the person was asked to: <strong>{data.selfieVideo.prompt}</strong>
                  </p>
                )}
                <Decide id={id} detail={data} />
              </>
            )}
          </Show>
        </section>
        <section aria-label="The case">
          <Show loaded={process}>{(data) => <ProcessView detail={data} />}</Show>
        </section>
      </div>
    </Layout>
  );
}

// The case is not read again after the decision: a decided case leaves the queue, and the outcome stays shown.
function Decide({ id, detail }: { id: string; detail: ReviewDetail }) {
  const { api, operator } = useApp();
  const [claimUntil, setClaimUntil] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>(detail.extracted);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useAction();
  const alreadyApproved = detail.approvals.includes(operator.email);

  const claim = async () => {
    const result = await action.run(() => api.post<{ claimExpiresAt: string }>(path(id, '/claim')));
    if (result.ok) setClaimUntil(result.value.claimExpiresAt);
  };
  const decide = async (decision: Decision['decision']) => {
    const allowed = detail.reasons[decision].some((r) => r.code === reason);
    if (!allowed) {
      action.setError(`Choose a reason for ${decision === 'accept' ? 'accepting' : 'rejecting'}.`);
      return;
    }
    const corrections = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => detail.extracted[key] !== value),
    );
    const body: Decision = { decision, reason, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    if (Object.keys(corrections).length > 0) body.corrections = corrections;
    const result = await action.run(() => api.post<{ state: string; status: string }>(path(id, '/decision'), body));
    if (!result.ok) return;
    setOutcome(
      result.value.state === 'awaitingSecondApproval'
        ? 'Accepted once. A second reviewer must accept it too (four eyes).'
        : `Decided: the process is now ${result.value.status}.`,
    );
    setClaimUntil(null);
  };

  if (outcome)
    return (
      <p role="status" data-testid="review-outcome">
        {outcome} <a href="#/reviews">Back to the queue</a>
      </p>
    );
  return (
    <div class="stack">
      {detail.fourEyes && (
        <p data-testid="review-four-eyes">
          Four eyes: an acceptance needs two different reviewers. Accepted so far by{' '}
          {detail.approvals.length > 0 ? detail.approvals.join(', ') : 'nobody'}.
          {alreadyApproved && ' You have accepted it already; another reviewer must decide.'}
        </p>
      )}
      {claimUntil === null ? (
        <p>
          <button
            type="button"
            class="primary"
            onClick={claim}
            disabled={action.busy || alreadyApproved}
            data-testid="review-claim"
          >
            Claim this case
          </button>
        </p>
      ) : (
        <form class="stack" onSubmit={(event) => event.preventDefault()}>
          <p role="status">Yours until {formatTime(claimUntil)}.</p>
          <fieldset>
            <legend>Extracted data (correct what is wrong)</legend>
            {Object.keys(fields).length === 0 && <p class="muted">Nothing was extracted.</p>}
            {Object.entries(fields).map(([name, value]) => (
              <div class="field" key={name}>
                <label for={`field-${name}`}>{name}</label>
                <input
                  id={`field-${name}`}
                  value={value}
                  onInput={(e) => setFields({ ...fields, [name]: e.currentTarget.value })}
                  data-testid={`review-field-${name}`}
                />
              </div>
            ))}
          </fieldset>
          <label for="review-reason">Reason</label>
          <select
            id="review-reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="review-reason"
          >
            <option value="">Choose a reason</option>
            <optgroup label="Accept">
              {detail.reasons.accept.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Reject">
              {detail.reasons.reject.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </optgroup>
          </select>
          <label for="review-comment">Comment (optional)</label>
          <textarea
            id="review-comment"
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
            data-testid="review-comment"
          />
          <p class="buttons">
            <button
              type="button"
              class="primary"
              disabled={action.busy}
              onClick={() => decide('accept')}
              data-testid="review-accept"
            >
              Accept
            </button>
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={() => decide('reject')}
              data-testid="review-reject"
            >
              Reject
            </button>
          </p>
        </form>
      )}
      <ErrorNote message={action.error} />
    </div>
  );
}
