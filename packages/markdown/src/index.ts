export { plainTextOf, renderCommentMarkdown, renderDocumentMarkdown } from './markdown';
