package org.sanctuaryscorecard.assessment.web;

import java.time.Instant;
import java.util.Map;

/** The JSON body of a 409: the usual error fields plus the other person's version of the item. */
record ConflictReply(int status, String error, String message, String path, String item, int yourVersion,
                     int currentVersion, String editor, Instant changedAt, Map<String, String> current) {
}
