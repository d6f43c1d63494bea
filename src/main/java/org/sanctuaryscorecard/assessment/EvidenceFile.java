package org.sanctuaryscorecard.assessment;

/** A file uploaded as evidence, with its bytes. */
public record EvidenceFile(long id, String name, String contentType, long size, String sha256, byte[] content) {
}
