package org.sanctuaryscorecard.correction;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits on correction requests ({@code scorecard.corrections.*} in application.properties). The rate limits
 * count the requests stored in the database, so several instances sharing one database share them.
 *
 * @param perClientPerHour     requests accepted from one client address in any 60 minutes
 * @param perClientPerDay      requests accepted from one client address in any 24 hours
 * @param perAssessmentPerDay  requests accepted for one scorecard in any 24 hours, from everyone together
 * @param textMax              the longest "what is wrong", "what it should say" and reviewer's note, in characters
 * @param fileMax              the largest file sent as evidence
 */
@ConfigurationProperties("scorecard.corrections")
public record CorrectionLimits(int perClientPerHour, int perClientPerDay, int perAssessmentPerDay, int textMax,
                               DataSize fileMax) {

    /** The longest name and organization. */
    public static final int NAME_MAX = 200;
    /** The longest email address. */
    public static final int EMAIL_MAX = 254;
    /** The longest citation. */
    public static final int CITATION_MAX = 500;
    /** The longest link. */
    public static final int LINK_MAX = 2_000;
    /** The longest text the database holds (the columns' size); {@link #textMax} may not exceed it. */
    public static final int TEXT_CEILING = 20_000;
    /** The largest file the server lets through to the application (below spring.servlet.multipart.max-file-size). */
    public static final DataSize FILE_CEILING = DataSize.ofMegabytes(20);
    /** The kinds of file accepted, by their type; each one's content is checked, not only its declared type. */
    public static final List<String> FILE_TYPES = List.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain", "text/html",
            "image/png", "image/jpeg");

    public CorrectionLimits {
        perClientPerHour = perClientPerHour == 0 ? 5 : perClientPerHour;
        perClientPerDay = perClientPerDay == 0 ? 20 : perClientPerDay;
        perAssessmentPerDay = perAssessmentPerDay == 0 ? 50 : perAssessmentPerDay;
        textMax = textMax == 0 ? 5_000 : textMax;
        fileMax = fileMax == null ? DataSize.ofMegabytes(10) : fileMax;
        if (perClientPerHour < 1 || perClientPerDay < 1 || perAssessmentPerDay < 1) {
            throw new IllegalArgumentException("scorecard.corrections: the per-client and per-assessment limits must be 1 or more");
        }
        if (textMax < 1 || textMax > TEXT_CEILING) {
            throw new IllegalArgumentException("scorecard.corrections.text-max must be between 1 and " + TEXT_CEILING
                    + ", not " + textMax);
        }
        if (fileMax.toBytes() < 1 || fileMax.compareTo(FILE_CEILING) > 0) {
            throw new IllegalArgumentException("scorecard.corrections.file-max must be between 1B and 20MB (the server's "
                    + "upload limit is a little higher so that a larger file gets a clear message), not " + fileMax);
        }
    }

    /** The file limit in megabytes (10.0; 0.5 for 512KB), for messages. */
    public double fileMaxMegabytes() {
        return fileMax.toBytes() / (1024.0 * 1024.0);
    }
}
