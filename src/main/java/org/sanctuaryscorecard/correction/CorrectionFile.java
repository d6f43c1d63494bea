package org.sanctuaryscorecard.correction;

/**
 * A file sent as evidence with a correction request.
 *
 * @param contentType the type its content was checked to be (not merely the one the sender declared)
 * @param content     its bytes, or null when only its description was read
 */
public record CorrectionFile(String name, String contentType, long size, String sha256, byte[] content) {
}
