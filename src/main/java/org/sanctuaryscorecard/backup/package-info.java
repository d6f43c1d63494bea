/**
 * Backups: the whole installation or one organization as one versioned, checksummed file, and its restore into a new
 * installation ({@link org.sanctuaryscorecard.backup.Backups}, the {@code backup} command, the download pages). The
 * format is described in {@code docs/backup-format.md}; the tables it holds are listed in
 * {@code internal.BackupTables}.
 */
package org.sanctuaryscorecard.backup;
