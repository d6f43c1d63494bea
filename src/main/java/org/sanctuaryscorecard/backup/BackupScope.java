package org.sanctuaryscorecard.backup;

import org.sanctuaryscorecard.account.Organization;

/**
 * What a backup holds: the whole installation, or one organization (its assessments with their history and files,
 * its members' accounts without their password hashes, its memberships and its audit events).
 *
 * @param organization the organization, or null for the whole installation
 */
public record BackupScope(Organization organization) {

    public static BackupScope installation() {
        return new BackupScope(null);
    }

    public static BackupScope of(Organization organization) {
        return new BackupScope(java.util.Objects.requireNonNull(organization));
    }

    public boolean whole() {
        return organization == null;
    }

    /** "installation", or the organization's slug: for file names and the audit trail. */
    public String label() {
        return whole() ? "installation" : organization.slug();
    }
}
