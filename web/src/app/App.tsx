import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { MeetingPage } from '../features/meeting-home/components/MeetingPage';
import { GroupRoomLink } from '../features/home-group/components/GroupRoomLink';
import { MyMeetingsPage } from '../features/meetings/components/MyMeetingsPage';
import { LoadingState } from '../ui/LoadingState';
import { AppLayout } from './AppLayout';
import { MeetingTimeZoneScope } from './MeetingTimeZoneScope';
import { NotFoundPage } from './NotFoundPage';
import { OfficialPage } from '../features/questions/components/OfficialPage';
import { QuestionsDeskPage } from '../features/questions/components/QuestionsDeskPage';
import { RecordsPage } from '../features/records/components/RecordsPage';
import { OfflineSentNotice } from '../features/my-comments/components/OfflineSentNotice';

// Heavy or staff-only screens load on demand: pdf.js only when a document opens. The login page
// (and zod, which its form validation needs) loads only for someone not yet signed in.
const TvCodePage = lazy(() => import('../features/tv-setup/components/TvCodePage').then((m) => ({ default: m.TvCodePage })));
const LoginPage = lazy(() => import('../features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));
const ViewerPage = lazy(() => import('../features/document-reader/components/ViewerPage').then((m) => ({ default: m.ViewerPage })));
const CreateMeetingPage = lazy(() =>
  import('../features/meeting-setup/components/CreateMeetingPage').then((m) => ({ default: m.CreateMeetingPage })),
);
const MeetingSetupPage = lazy(() =>
  import('../features/meeting-setup/components/MeetingSetupPage').then((m) => ({ default: m.MeetingSetupPage })),
);
const UsersPage = lazy(() => import('../features/admin/components/UsersPage').then((m) => ({ default: m.UsersPage })));
const CouncilsPage = lazy(() => import('../features/admin/components/CouncilsPage').then((m) => ({ default: m.CouncilsPage })));
// live meeting: staff screens, and the hall TV (no login, so it never loads the login page or pdf.js)
const DeskPage = lazy(() => import('../features/desk/components/DeskPage').then((m) => ({ default: m.DeskPage })));
const ConsolePage = lazy(() => import('../features/console/components/ConsolePage').then((m) => ({ default: m.ConsolePage })));
// the session day's record: attendance, with the votes' records handed in (attendance imports no votes)
const AttendancePage = lazy(() =>
  Promise.all([import('../features/attendance/components/AttendancePage'), import('../features/votes/components/VoteRecordsList')]).then(([a, v]) => ({
    default: () => <a.AttendancePage voteRecords={(meetingId) => <v.VoteRecordsList meetingId={meetingId} />} />,
  })),
);
const HallPage = lazy(() => import('../features/hall/components/HallPage').then((m) => ({ default: m.HallPage })));
const ChangePasswordPage = lazy(() => import('../features/auth/components/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const MyCommentsPage = lazy(() => import('../features/my-comments/components/MyCommentsPage').then((m) => ({ default: m.MyCommentsPage })));
const GroupRoomPage = lazy(() => import('../features/breakouts/components/GroupRoomPage').then((m) => ({ default: m.GroupRoomPage })));

export function App() {
  return (
    <BrowserRouter>
      <OfflineSentNotice />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/hall/:meetingId" element={<HallPage />} />
          <Route path="/tv" element={<TvCodePage />} />
          <Route
            path="/documents/:documentId"
            element={
              <RequireAuth>
                <ViewerPage />
              </RequireAuth>
            }
          />
          <Route
            element={
              <RequireAuth>
                <MeetingTimeZoneScope>
                  <AppLayout />
                </MeetingTimeZoneScope>
              </RequireAuth>
            }
          >
            <Route index element={<MyMeetingsPage cardExtra={(meeting) => <GroupRoomLink meeting={meeting} />} />} />
            <Route path="meetings/new" element={<CreateMeetingPage />} />
            <Route path="meetings/:meetingId" element={<MeetingPage />} />
            <Route path="meetings/:meetingId/setup/*" element={<MeetingSetupPage />} />
            <Route path="meetings/:meetingId/desk" element={<DeskPage />} />
            <Route path="meetings/:meetingId/console" element={<ConsolePage />} />
            <Route path="meetings/:meetingId/attendance" element={<AttendancePage />} />
            <Route path="meetings/:meetingId/groups/:groupId" element={<GroupRoomPage />} />
            <Route path="account/password" element={<ChangePasswordPage />} />
            <Route path="meetings/:meetingId/questions" element={<QuestionsDeskPage />} />
            <Route path="meetings/:meetingId/records" element={<RecordsPage />} />
            <Route path="meetings/:meetingId/official" element={<OfficialPage />} />
            <Route path="meetings/:meetingId/my-comments" element={<MyCommentsPage />} />
            <Route
              path="admin/users"
              element={
                <RequireAuth adminOnly>
                  <UsersPage />
                </RequireAuth>
              }
            />
            <Route
              path="admin/councils"
              element={
                <RequireAuth adminOnly>
                  <CouncilsPage />
                </RequireAuth>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
