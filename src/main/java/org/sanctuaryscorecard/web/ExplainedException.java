package org.sanctuaryscorecard.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request that cannot be served, explained to the person in their language: an HTTP status and the key of a
 * message in {@code messages.properties} with its arguments. The error page or JSON body shows the resolved message.
 */
public class ExplainedException extends ResponseStatusException {

    public ExplainedException(HttpStatus status, String messageKey, Object... arguments) {
        super(status, messageKey, null, messageKey, arguments);
    }
}
