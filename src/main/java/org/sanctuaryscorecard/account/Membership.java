package org.sanctuaryscorecard.account;

/** A person's role in an organization. */
public record Membership(Organization organization, Account account, Role role) {
}
