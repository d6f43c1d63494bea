package org.sanctuaryscorecard.nationalmap;

import org.springframework.context.MessageSourceResolvable;

/**
 * Where one jurisdiction stands on a layer.
 *
 * @param category    an index into the layer's legend
 * @param explanation one line that says why (a message), or null
 * @param link        the page that shows the grounds (an application path such as /assessments/12), or null
 */
public record MapEntry(int category, MessageSourceResolvable explanation, String link) {
}
