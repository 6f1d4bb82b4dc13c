import type { QuickAddPreviewResolvers } from '../resolvers.generated';

export const QuickAddPreview: QuickAddPreviewResolvers = {
  recurrence: (preview) => preview.recurrence?.text ?? null,
  priority: (preview) => preview.priority ?? 'NONE',
};
