import { useShallow } from 'zustand/react/shallow';
import { describeSchema } from '@/utils/schema';
import { finalStatus, progressRows, unknownBatch } from '@/utils/import/job';
import { useImport } from '@/components/import/store';

/** The job under way: progress in rows, Pause/Resume/Cancel, a stopped batch's choices, the result. */
export function JobPanel() {
  const s = useImport(
    useShallow((st) => ({
      job: st.job,
      sending: st.sending,
      fileMatchesJob: st.fileMatchesJob,
      schema: st.schema,
      pause: st.pause,
      resume: st.resume,
      cancel: st.cancel,
      settle: st.settle,
    })),
  );
  const { job } = s;
  if (!job) return null;
  const done = progressRows(job);
  const open = unknownBatch(job);
  const rejected = job.batches.find((b) => b.state === 'rejected');
  const finished = job.status === 'done' || job.status === 'cancelled';
  const noUniqueKey = s.schema ? describeSchema(s.schema).uniqueKeyField === null : false;
  return (
    <section aria-labelledby="job-title">
      <h2 id="job-title">Import of “{job.file.name}” into {job.dataset}</h2>
      <div role="progressbar" aria-label="Rows imported" aria-valuemin={0} aria-valuemax={job.validRows} aria-valuenow={done} className="mdi-progress">
        <div className="mdi-progress__bar" style={{ width: `${job.validRows ? (100 * done) / job.validRows : 0}%` }} />
      </div>
      <p>
        {done} of {job.validRows} rows · {job.batches.length} batches · batch size {job.batchSize}
      </p>
      {job.stopReason && (
        <p role="alert" className="mdi-error">
          {open?.state === 'unknown' ? `Batch ${open.index + 1}: outcome unknown. ` : ''}
          {job.stopReason}
        </p>
      )}
      {open?.state === 'unknown' && (
        <div className="mdi-note">
          {noUniqueKey && <p>Warning: this dataset has no unique key, so sending the batch again adds its rows a second time if Monetate stored them.</p>}
          <button type="button" onClick={() => void s.settle('resend')}>
            Send batch {open.index + 1} again
          </button>{' '}
          <button type="button" onClick={() => void s.settle('count_as_stored')}>
            Count batch {open.index + 1} as stored
          </button>
        </div>
      )}
      {rejected?.rejectedRows?.length ? (
        <button type="button" onClick={() => void s.settle('skip_rejected')}>
          Skip the {rejected.rejectedRows.length} rows Monetate refused
        </button>
      ) : null}
      {!finished && (
        <div className="mdi-row">
          <button type="button" disabled={job.status !== 'running'} onClick={() => void s.pause()}>
            Pause
          </button>
          <button type="button" disabled={job.status === 'running' || s.sending || !s.fileMatchesJob || open !== undefined} onClick={() => void s.resume()}>
            Resume
          </button>
          <button type="button" onClick={() => void s.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {finished && (
        <>
          <p role="status">{job.status === 'cancelled' ? `Cancelled. ${finalStatus(job)}` : finalStatus(job)}</p>
          <SpotCheck />
        </>
      )}
    </section>
  );
}

function SpotCheck() {
  const { sample, run, rows, busy } = useImport(useShallow((s) => ({ sample: s.check?.sample.length ?? 0, run: s.runSpotCheck, rows: s.spotCheck, busy: s.spotChecking })));
  const count = Math.min(5, sample);
  if (count === 0) return null;
  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void run(count)}>
        Spot-check {count} rows
      </button>
      {rows && rows.length > 0 && (
        <table className="mdi-table">
          <caption>Spot-check: what was sent and what Monetate holds</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Field</th>
              <th scope="col">Sent</th>
              <th scope="col">In Monetate</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{r.id}</td>
                <td>{r.field}</td>
                <td>{r.sent}</td>
                <td>{r.found}</td>
                <td>{r.matched ? 'matched' : 'different'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
