package org.sanctuaryscorecard.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.sanctuaryscorecard.reference.ReferenceKind;

/** The lists shipped in {@code src/main/resources/reference/} (see its NOTICE.md), with their dates and sources. */
public final class ShippedLists {

    /** One shipped list. */
    public record Shipped(ReferenceKind kind, String file, LocalDate listDate, String source) {
        public byte[] bytes() {
            try (InputStream in = ShippedLists.class.getResourceAsStream("/reference/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped list reference/" + file + " is missing from the application");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final List<Shipped> ALL = List.of(
            new Shipped(ReferenceKind.ICE_287G, "ice_287g_participating_agencies_2025-07-18_with_fips.csv", LocalDate.of(2025, 7, 18),
                    "ICE, 287(g) participating agencies spreadsheet of 2025-07-18 (ice.gov/identify-and-arrest/287g),"
                            + " copy from github.com/appelson/Tracking_287g commit 1946c799ae59af836cbc5b0b5c063237546f9a86;"
                            + " county FIPS matched by name for this project (reference/NOTICE.md)"),
            new Shipped(ReferenceKind.ICE_287G_PENDING, "ice_287g_pending_agencies_2025-07-18.csv", LocalDate.of(2025, 7, 18),
                    "ICE, 287(g) pending agencies spreadsheet of 2025-07-18 (ice.gov/identify-and-arrest/287g),"
                            + " copy from github.com/appelson/Tracking_287g commit 1946c799ae59af836cbc5b0b5c063237546f9a86"),
            new Shipped(ReferenceKind.DHS_LIST, "sanctuary_dhs_list_2025-05-29.csv", LocalDate.of(2025, 5, 29),
                    "DHS, \u201cSanctuary Jurisdictions Defying Federal Immigration Law\u201d (dhs.gov/sanctuary-jurisdictions),"
                            + " version of 2025-05-29, withdrawn within days; parsed from a Wayback Machine capture printed"
                            + " 2025-06-20 (github.com/menakiser/287g commit d0034ddeded30dfc70445473cff7a49df37dd22e)"),
            new Shipped(ReferenceKind.DOJ_LIST, "sanctuary_doj_list_2025-08-05.csv", LocalDate.of(2025, 8, 5),
                    "DOJ, sanctuary jurisdiction list following Executive Order 14287 (justice.gov/ag/us-sanctuary-jurisdiction-list-"
                            + "following-executive-order-14287-protecting-american-communities), published 2025-08-05; transcribed"),
            new Shipped(ReferenceKind.DETENTION, "detention_facilities_uwchr_pipe-delimited.csv", LocalDate.of(2023, 5, 28),
                    "University of Washington Center for Human Rights, ICE detention facility list (github.com/UWCHR/ice-facilities"
                            + " commit 2b4457f84feb8ac03d7b109563ec20629826a055, file of 2023-05-28), based on ICE's facility list"
                            + " of November 2017 obtained by NIJC under FOIA; use dates run to about 2017"));

    private ShippedLists() {
    }
}
