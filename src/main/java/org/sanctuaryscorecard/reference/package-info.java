/**
 * Reference data with provenance: public lists (ICE's 287(g) agreements and pending agencies, the DHS list of
 * 2025-05-29, the DOJ list of 2025-08-05, ICE detention facilities) kept as dated, sourced lists whose rows are facts
 * matched to a state, county or place where that can be done. {@link org.sanctuaryscorecard.reference.ReferenceData}
 * reads and imports them (a newer list supersedes the older, which stays as history); the {@code import} command
 * loads a newer file; the pages, the API and the suggestions for an assessment are in {@code web}. A fact is what a
 * list says, never more: it feeds an assessment only as a suggestion a person confirms.
 */
package org.sanctuaryscorecard.reference;
