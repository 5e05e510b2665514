import { photoStages, ratings, type PhotoStage, type Rating } from '@linli/contracts';

/** What a timeline step shows beside its note, read from its recorded data: the rating given, the stage of the photos. */
export function eventExtras(action: string, data: unknown): { rating: Rating | null; photoStage: PhotoStage | null } {
  const parsed: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  const d = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  const rating = action === 'rate' || action === 'close' ? (d.rating as Rating | undefined) : undefined;
  const stage = action === 'photos_added' ? (d.stage as PhotoStage | undefined) : undefined;
  return {
    rating: rating && (ratings as readonly string[]).includes(rating) ? rating : null,
    photoStage: stage && (photoStages as readonly string[]).includes(stage) ? stage : null,
  };
}
