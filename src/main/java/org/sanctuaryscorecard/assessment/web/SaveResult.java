package org.sanctuaryscorecard.assessment.web;

/** The answer to a save: the assessment's revision after it and the saved item's new version. */
record SaveResult(long assessment, int revision, String item, int version) {
}
