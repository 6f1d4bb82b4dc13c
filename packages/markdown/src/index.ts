export { plainTextOf, renderCommentMarkdown, renderDocumentMarkdown, type DocumentRenderOptions } from './markdown';
