package org.sanctuaryscorecard.account;

import java.time.Instant;

/**
 * A person who signs in.
 *
 * @param id          its number
 * @param username    what they sign in with (lower case letters, digits, dots, dashes, underscores)
 * @param displayName the name shown in histories and the audit trail
 * @param siteAdmin   manages organizations and accounts of the whole installation
 * @param enabled     may sign in
 * @param lockedUntil after repeated failed sign-ins, no sign-in before this time; null when not locked
 * @param createdAt   when the account was made
 */
public record Account(long id, String username, String displayName, boolean siteAdmin, boolean enabled, Instant lockedUntil,
                      Instant createdAt) {
}
