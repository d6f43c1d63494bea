package org.sanctuaryscorecard.web;

/**
 * The JSON body of every API error: the HTTP status, its name, and a message that says what was wrong and what to
 * do instead. Never a stack trace.
 */
public record ApiError(int status, String error, String message, String path) {
}
