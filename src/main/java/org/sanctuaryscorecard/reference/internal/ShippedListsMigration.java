package org.sanctuaryscorecard.reference.internal;

import java.time.Clock;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway migration V8.1: loads the lists shipped with the application, once, after V8 made their tables. Flyway records
 * it as applied, so later starts do not load again; a newer list comes through the {@code import} command (or, for a
 * list shipped with a later release, a new migration).
 */
class ShippedListsMigration implements JavaMigration {

    static final String LOADED_BY = "migration V8.1: shipped with the application";

    private final JurisdictionCatalog catalog;
    private final Clock clock;

    ShippedListsMigration(JurisdictionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8.1");
    }

    @Override
    public String getDescription() {
        return "load shipped reference lists";
    }

    @Override
    public Integer getChecksum() {
        return 2025_07_18;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        ListLoader loader = new ListLoader(new ReferenceStore(jdbc), new Matcher(catalog), clock);
        for (ShippedLists.Shipped shipped : ShippedLists.ALL) {
            loader.load(shipped.kind(), shipped.file(), shipped.bytes(), shipped.listDate(), shipped.source(), "shipped",
                    LOADED_BY, false);
        }
    }
}
