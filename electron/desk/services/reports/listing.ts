/**
 * The holder listing as a whole report and a window of it for the grid. The whole listing is
 * drawn once per journal head (and New York day, which moves cure dates and cover periods) and
 * kept for the next windows: scrolling through a million certificates reads the book once.
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { HolderListingView, ReportHeader } from '../../../../shared/ipc/reports';
import type { BookStore, ReadRepos } from '../../store/port';
import { HOLDER_NOTES, holderListingFrom, type HolderListing } from './holders';
import type { ProgramItemsReader } from '../supervision/items-off-main';
import { withReportSource } from './report-cache';
import { headerOf, readReportSource } from './report-source';

export interface DrawnListing extends HolderListing {
  readonly header: ReportHeader;
}

/** The whole listing of `programId` as the book stands at `asOf`, with the journal head it was drawn at. */
export async function holderListing(r: ReadRepos, programId: number, asOf: Date): Promise<DrawnListing> {
  const source = await readReportSource(r, programId, asOf);
  return { header: headerOf(source, HOLDER_NOTES), ...(await holderListingFrom(r, source)) };
}

const drawn = new WeakMap<BookStore, { key: string; listing: HolderListing }>();

/** A window of the listing for the grid: drawn again only when the book (or the day) has moved on. */
export async function holderListingWindow(store: BookStore, programId: number, offset: number, limit: number, asOf: Date, read?: ProgramItemsReader): Promise<HolderListingView> {
  return withReportSource(store, programId, asOf, async (r, source) => {
    const key = `${programId}:${source.head?.seq ?? 0}:${source.head?.hash ?? ''}:${instantToWallTime(asOf.getTime()).slice(0, 10)}`;
    let listing = drawn.get(store)?.key === key ? drawn.get(store)!.listing : null;
    if (!listing) {
      listing = await holderListingFrom(r, source);
      drawn.set(store, { key, listing });
    }
    return { ...headerOf(source, HOLDER_NOTES), total: listing.rows.length, offset, rows: listing.rows.slice(offset, offset + limit), totals: listing.totals };
  }, read);
}
