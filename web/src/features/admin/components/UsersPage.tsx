import { useState } from 'react';
import type { UserSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { TextField } from '../../../ui/TextField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useUserSearch } from '../../users/hooks/useUserSearch';
import { useUserMutations } from '../hooks/useUserMutations';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserForm } from './UserForm';
import './admin.css';

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; user: UserSummary } | { kind: 'password'; user: UserSummary };

export function UsersPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.usersTitle);
  const [q, setQ] = useState('');
  const users = useUserSearch(q, 0);
  const { create, update } = useUserMutations();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState('');

  const close = () => {
    setPanel({ kind: 'none' });
    create.reset();
    update.reset();
  };

  return (
    <section data-testid="users-page">
      <div className="page-header">
        <h1>{t.admin.usersTitle}</h1>
        {panel.kind !== 'create' && (
          <button type="button" className="button button-primary" onClick={() => setPanel({ kind: 'create' })} data-testid="user-create">
            <span aria-hidden="true">+</span> {t.admin.createUser}
          </button>
        )}
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {panel.kind === 'create' && (
        <UserForm mode="create" pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body, { onSuccess: close })} onCancel={close} />
      )}
      {panel.kind === 'edit' && (
        <UserForm
          key={panel.user.id}
          mode="edit"
          user={panel.user}
          pending={update.isPending}
          error={update.error}
          onSubmit={(body) => update.mutate({ id: panel.user.id, body }, { onSuccess: close })}
          onCancel={close}
        />
      )}
      {panel.kind === 'password' && (
        <ResetPasswordForm
          key={panel.user.id}
          user={panel.user}
          pending={update.isPending}
          error={update.error}
          onSubmit={(password) =>
            update.mutate(
              { id: panel.user.id, body: { password } },
              {
                onSuccess: () => {
                  close();
                  setNotice(t.admin.passwordReset);
                },
              },
            )
          }
          onCancel={close}
        />
      )}
      <TextField label={t.admin.search} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="admin-search" testId="users-search" />
      {users.isPending && <LoadingState />}
      {users.isError && <ErrorMessage error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.length === 0 && <p className="empty-state">{t.admin.noUsers}</p>}
      {users.data && users.data.length > 0 && (
        <table className="table table-stack" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.fullName}</th>
              <th scope="col">{t.admin.username}</th>
              <th scope="col">{t.admin.phone}</th>
              <th scope="col">
                <span className="visually-hidden">{t.common.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                <td>
                  <strong>{user.fullName}</strong> {user.isAdmin && <span className="badge badge-published">{t.admin.isAdmin}</span>}
                </td>
                <td data-label={t.admin.username}>
                  <code>{user.username}</code>
                </td>
                <td data-label={t.admin.phone}>{user.phone ?? '—'}</td>
                <td>
                  <div className="button-row">
                    <button type="button" className="button button-secondary" onClick={() => setPanel({ kind: 'edit', user })}>
                      {t.common.edit}
                    </button>
                    <button type="button" className="button button-ghost" onClick={() => setPanel({ kind: 'password', user })}>
                      {t.admin.resetPassword}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
