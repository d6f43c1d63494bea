package org.sanctuaryscorecard.correction;

import java.util.List;
import java.util.Map;

/**
 * One page of the correction requests a reviewer may handle, newest first.
 *
 * @param requests the requests on this page
 * @param page     this page's number, from 1
 * @param pages    how many pages there are (at least 1)
 * @param counts   how many requests there are in each status, with the same assessment filter
 */
public record ReviewPage(List<CorrectionRequest> requests, int page, int pages, Map<CorrectionStatus, Long> counts) {
}
