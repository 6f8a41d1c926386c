import { isLink } from './review-schedule-model.ts';

/** A roadshow's place: a room as text, an online meeting as a link that opens beside the page. */
export function PlaceText({ place, testId }: { place: string; testId?: string }) {
  return isLink(place) ? (
    <a href={place.trim()} target="_blank" rel="noreferrer noopener" data-testid={testId} data-link="true">
      {place}
    </a>
  ) : (
    <span data-testid={testId}>{place}</span>
  );
}
