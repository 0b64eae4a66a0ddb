import type { ProcessDetail } from '../api/types';
import { href } from '../app/router';
import { FindingsImage } from './FindingsImage';
import { JsonView } from './JsonView';
import { Timeline } from './Timeline';

/** Everything about one process: shared by the process page and the review page. */
export function ProcessView({ detail }: { detail: ProcessDetail }) {
  const status = typeof detail.process.status === 'string' ? detail.process.status : 'unknown';
  return (
    <div class="process">
      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span class={`status status-${status}`} data-testid="process-status">
              {status}
            </span>
          </dd>
        </div>
        <div>
          <dt>Provider</dt>
          <dd>{detail.provider}</dd>
        </div>
        <div>
          <dt>Client</dt>
          <dd>{detail.clientName}</dd>
        </div>
        <div>
          <dt>Dossier</dt>
          <dd>
            <a href={href('dossier', detail.dossierId)} class="mono">
              {detail.dossierId}
            </a>
          </dd>
        </div>
      </dl>
      <p>
        <a href={detail.zipUrl} download data-testid="process-zip">
          Download everything (zip)
        </a>
      </p>
      <h2>Timeline</h2>
      <Timeline entries={detail.timeline} />
      <h2>Images</h2>
      {detail.images.length === 0 ? (
        <p class="muted">No images.</p>
      ) : (
        <div class="images">
          {detail.images.map((image) => (
            <FindingsImage key={image.depiction} image={image} />
          ))}
        </div>
      )}
      {detail.video && (
        <>
          <h2>Video</h2>
          <video controls preload="metadata" src={detail.video.url} class="video" data-testid="process-video">
            <a href={detail.video.url}>Download the video</a>
          </video>
        </>
      )}
      <h2>Data</h2>
      <JsonView title="Result (as the API returns it)" value={detail.process} open testId="json-result" />
      <JsonView title="Raw provider result" value={detail.raw} testId="json-raw" />
      <JsonView title="Engine output" value={detail.engineOutput} testId="json-engine" />
    </div>
  );
}
