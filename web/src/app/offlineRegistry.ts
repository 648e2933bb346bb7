import { commentsApi } from '../features/comments/api/commentsApi';
import { documentsApi } from '../features/documents/api/documentsApi';
import { meetingsApi } from '../features/meetings/api/meetingsApi';
import { offlineApi } from '../features/offline/lib/offlineApi';
import { readingRoomApi } from '../features/reading-room/api/readingRoomApi';

/** Hands the offline layer the server calls of the features it stores and sends for (it imports none of them). */
export function registerOfflineApi(): void {
  offlineApi.register(
    {
      createAnnotation: readingRoomApi.createAnnotation,
      annotations: readingRoomApi.annotations,
      updateAnnotation: readingRoomApi.updateAnnotation,
      deleteAnnotation: readingRoomApi.deleteAnnotation,
      createComment: commentsApi.create,
    },
    {
      meeting: meetingsApi.get,
      meetingDocuments: documentsApi.listForMeeting,
      document: documentsApi.get,
      annotations: readingRoomApi.annotations,
      comments: commentsApi.forDocument,
      paragraphs: documentsApi.paragraphs,
      fileUrl: (documentId, versionId) => documentsApi.fileUrl(documentId, versionId),
    },
  );
}
