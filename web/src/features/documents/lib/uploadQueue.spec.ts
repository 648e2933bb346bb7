import { nextToStart, uploadReducer, type UploadRow } from './uploadQueue';

const row = (key: string, status: UploadRow['status'] = 'queued'): UploadRow => ({
  key,
  file: { name: `${key}.pdf`, size: 1 } as File,
  agendaItemId: null,
  title: null,
  status,
  uploadProgress: 0,
  documentId: null,
  error: null,
});

describe('upload queue', () => {
  it('starts files in order, two at a time', () => {
    const rows = [row('a', 'uploading'), row('b'), row('c'), row('d')];
    expect(nextToStart(rows, 2).map((r) => r.key)).toEqual(['b']);
    expect(nextToStart([row('x'), row('y'), row('z')], 2).map((r) => r.key)).toEqual(['x', 'y']);
  });

  it('moves a file from upload to processing once the server accepts it', () => {
    let rows = [row('a')];
    rows = uploadReducer(rows, { type: 'start', key: 'a' });
    rows = uploadReducer(rows, { type: 'progress', key: 'a', percent: 40 });
    expect(rows[0]).toMatchObject({ status: 'uploading', uploadProgress: 40 });
    rows = uploadReducer(rows, { type: 'accepted', key: 'a', documentId: 'doc-1' });
    expect(rows[0]).toMatchObject({ status: 'processing', uploadProgress: 100, documentId: 'doc-1' });
  });

  it('keeps a refused file with its error', () => {
    const error = new Error('FILE_ENCRYPTED');
    const rows = uploadReducer([row('a', 'uploading')], { type: 'rejected', key: 'a', error });
    expect(rows[0]).toMatchObject({ status: 'rejected', error });
  });

  it('removes finished rows', () => {
    expect(uploadReducer([row('a'), row('b')], { type: 'remove', keys: ['a'] }).map((r) => r.key)).toEqual(['b']);
  });
});
