import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeSchema } from '@/utils/schema';
import { progressRows } from '@/utils/import/job';
import { BOOLEAN_SPELLINGS } from '@/utils/import/check';
import { emptiesFields, importBlocker, MERGE_MAX_ROWS } from '@/utils/import/page-store';
import { MappingTable } from '@/components/import/mapping-table';
import { JobPanel } from '@/components/import/job-panel';
import { useImport } from '@/components/import/store';
import { DataTable } from '@/components/ui/data-table';

/** The import page: dataset, file, check, mapping, the whole-record choice, then the job. */
export function ImportPage() {
  const chooseFile = useImport((s) => s.chooseFile);
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void chooseFile(file);
  };
  return (
    <main
      className={dragging ? 'mdi-import mdi-import--dragging' : 'mdi-import'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h1>Import a file into a dataset</h1>
      <Messages />
      <PausedJobNote />
      <Choose />
      <CheckStatus />
      <MappingTable />
      <Problems />
      <WholeRecord />
      <StartImport />
      <JobPanel />
    </main>
  );
}

function Messages() {
  const { error, message } = useImport(useShallow((s) => ({ error: s.error, message: s.message })));
  return (
    <>
      {error && (
        <p role="alert" className="mdi-error">
          {error}
        </p>
      )}
      {message && <p className="mdi-hint">{message}</p>}
    </>
  );
}

function PausedJobNote() {
  const job = useImport((s) => s.job);
  const fileMatchesJob = useImport((s) => s.fileMatchesJob);
  if (!job || job.status === 'done' || job.status === 'cancelled' || fileMatchesJob) return null;
  return (
    <p className="mdi-note">
      An import of “{job.file.name}” into {job.dataset} is {job.status === 'stopped' ? 'stopped' : 'paused'} after {progressRows(job)} of {job.validRows} rows. Choose the same file to resume it, or cancel it.
    </p>
  );
}

function Choose() {
  const { datasets, dataset, chooseDataset, chooseFile, job, timeZone, setTimeZone, batchSize, setBatchSize } = useImport(
    useShallow((s) => ({
      datasets: s.datasets,
      dataset: s.dataset,
      chooseDataset: s.chooseDataset,
      chooseFile: s.chooseFile,
      job: s.job,
      timeZone: s.timeZone,
      setTimeZone: s.setTimeZone,
      batchSize: s.batchSize,
      setBatchSize: s.setBatchSize,
    })),
  );
  const locked = Boolean(job && job.status !== 'done' && job.status !== 'cancelled');
  return (
    <section aria-label="What to import" className="mdi-stack">
      <div className="mdi-field">
        <label htmlFor="import-dataset">Dataset</label>
        <select id="import-dataset" value={dataset} disabled={locked} onChange={(e) => void chooseDataset(e.target.value)}>
          <option value="">Choose a dataset…</option>
          {(datasets ?? []).map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
          {dataset && !(datasets ?? []).some((d) => d.name === dataset) && <option value={dataset}>{dataset}</option>}
        </select>
      </div>
      <div className="mdi-field">
        <label htmlFor="import-file">File to import</label>
        <span className="mdi-hint" id="import-file-hint">
          CSV (comma, semicolon or tab, with a header row), a JSON array, {'{"schema_rows": [...]}'} or NDJSON. You can also drop the file on this page.
        </span>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,text/csv,application/json"
          aria-describedby="import-file-hint"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void chooseFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="mdi-field">
        <label htmlFor="import-zone">Time zone for dates written without one</label>
        <input id="import-zone" value={timeZone} disabled={locked} onChange={(e) => void setTimeZone(e.target.value)} />
      </div>
      <div className="mdi-field">
        <label htmlFor="import-batch">Batch size</label>
        <span className="mdi-hint" id="import-batch-hint">
          Rows per request, 1 to 1000.
        </span>
        <input id="import-batch" type="number" min={1} max={1000} value={batchSize} disabled={locked} aria-describedby="import-batch-hint" onChange={(e) => setBatchSize(Number(e.target.value))} />
      </div>
      <p className="mdi-hint">
        BOOLEAN cells may be written {[...BOOLEAN_SPELLINGS.true, ...BOOLEAN_SPELLINGS.false].join(', ')}; an empty cell is empty (null).
      </p>
    </section>
  );
}

function CheckStatus() {
  const { checking, checkProgress, check, inspection } = useImport(useShallow((s) => ({ checking: s.checking, checkProgress: s.checkProgress, check: s.check, inspection: s.inspection })));
  let text = '';
  if (checking) text = `Checking… ${checkProgress} rows read`;
  else if (check) text = `${check.validRows + check.rowsWithProblems} rows, ${check.rowsWithProblems} with errors`;
  else if (inspection) text = inspection.rows === null ? "File read. Choose a dataset to check its rows." : `${inspection.rows} rows read. Choose a dataset to check them.`;
  return (
    <p role="status" className="mdi-import__status">
      {text}
    </p>
  );
}

function Problems() {
  const { check, downloadErrors, fileName } = useImport(useShallow((s) => ({ check: s.check, downloadErrors: s.downloadErrors, fileName: s.file?.name ?? 'import' })));
  if (!check || check.rowsWithProblems === 0) return null;
  const download = async () => {
    const csv = await downloadErrors();
    if (csv === null) return;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName.replace(/\.[^.]+$/, '')}-errors.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">Rows with errors</h2>
      <p>
        These rows are left out of the import. {check.problemCount > check.problems.length ? `The first ${check.problems.length} of ${check.problemCount} problems:` : ''}
      </p>
      <DataTable
        columns={['Row', 'Column', 'Value', 'Reason']}
        rows={check.problems}
        rowKey={(_problem, index) => index}
        cells={(p) => (
          <>
            <td>{p.rowNumber}</td>
            <td>{p.column || '(whole row)'}</td>
            <td>{p.value}</td>
            <td>{p.reason}</td>
          </>
        )}
      />
      <button type="button" onClick={() => void download()}>
        Download rows with errors
      </button>
    </section>
  );
}

function WholeRecord() {
  const state = useImport(
    useShallow((s) => ({
      schema: s.schema,
      mapping: s.mapping,
      inspection: s.inspection,
      check: s.check,
      emptyMissingFields: s.emptyMissingFields,
      mergeCurrentValues: s.mergeCurrentValues,
      setEmpty: s.setEmptyMissingFields,
      setMerge: s.setMergeCurrentValues,
      job: s.job,
    })),
  );
  const emptied = emptiesFields(state);
  if (!state.schema || !state.check) return null;
  const locked = Boolean(state.job && state.job.status !== 'done' && state.job.status !== 'cancelled');
  if (describeSchema(state.schema).uniqueKeyField === null) {
    return <p className="mdi-note">{state.schema.name} has no unique key: every row is added as a new row, and IDs already in the dataset keep their earlier rows.</p>;
  }
  if (emptied.length === 0) return null;
  const canMerge = state.check.validRows <= MERGE_MAX_ROWS;
  return (
    <section aria-labelledby="trap-title" className="mdi-note">
      <h2 id="trap-title">Fields not in the file</h2>
      <p>
        Monetate replaces the whole record. For every ID already in the dataset, these {emptied.length} fields will be emptied: {emptied.join(', ')}.
      </p>
      <label>
        <input type="checkbox" checked={state.emptyMissingFields} disabled={locked} onChange={(e) => state.setEmpty(e.target.checked)} /> Empty the fields not in the file
      </label>
      {canMerge && (
        <div>
          <label>
            <input type="checkbox" checked={state.mergeCurrentValues} disabled={locked} onChange={(e) => state.setMerge(e.target.checked)} /> Merge with current values
          </label>
          <span className="mdi-hint"> Reads each record first, one per second: about {state.check.validRows} s.</span>
        </div>
      )}
    </section>
  );
}

function StartImport() {
  const state = useImport((s) => s);
  const blocker = importBlocker(state);
  const job = state.job;
  if (job && job.status !== 'done' && job.status !== 'cancelled') return null;
  if (!state.check) return null;
  const rows = state.check.validRows;
  const batches = Math.ceil(rows / state.batchSize);
  return (
    <section aria-label="Start">
      {blocker && state.check && <p className="mdi-hint">{blocker}</p>}
      {!state.reviewing ? (
        <button type="button" className="mdi-button mdi-button--primary" disabled={blocker !== null} onClick={() => void state.requestImport()}>
          Import {rows} rows
        </button>
      ) : (
        <div role="group" aria-labelledby="review-title" className="mdi-note">
          <h2 id="review-title">Review the import</h2>
          <dl>
            <dt>Dataset</dt>
            <dd>{state.dataset}</dd>
            <dt>Rows</dt>
            <dd>{rows}</dd>
            <dt>Batches</dt>
            <dd>{batches}</dd>
            <dt>Fields emptied</dt>
            <dd>{state.mergeCurrentValues ? 'none (merged with current values)' : emptiesFields(state).join(', ') || 'none'}</dd>
          </dl>
          <button type="button" className="mdi-button mdi-button--primary" onClick={() => void state.confirmImport()}>
            Start import
          </button>{' '}
          <button type="button" onClick={state.cancelReview}>
            Back
          </button>
        </div>
      )}
    </section>
  );
}
