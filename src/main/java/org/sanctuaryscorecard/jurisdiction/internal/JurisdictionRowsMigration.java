package org.sanctuaryscorecard.jurisdiction.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;

/**
 * Flyway migration V2: writes every jurisdiction of the catalog into the database, once. Flyway records it as
 * applied, so later starts do not load again; a future Census vintage comes as a new migration.
 */
class JurisdictionRowsMigration implements JavaMigration {

    static final String DATASET = "census-jurisdictions";
    static final String VINTAGE = "Census 2025 gazetteer geography; ACS 2019-2023 5-year population (bdurand/us_geo 31592c09)";
    private static final int BATCH = 1000;

    private final JurisdictionCatalog catalog;

    JurisdictionRowsMigration(JurisdictionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String getDescription() {
        return "load census jurisdictions";
    }

    @Override
    public Integer getChecksum() {
        return 2025_2023;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Jurisdiction> rows = catalog.all().stream()
                .sorted(Comparator.comparing((Jurisdiction j) -> j.kind().ordinal()).thenComparing(Jurisdiction::geoid))
                .toList();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO jurisdiction (geoid, name, short_name, kind, type, state_geoid, state_code, population)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Jurisdiction j : rows) {
                insert.setString(1, j.geoid());
                insert.setString(2, j.name());
                insert.setString(3, j.shortName());
                insert.setString(4, j.kind().id());
                insert.setString(5, j.type());
                insert.setString(6, j.stateGeoid());
                insert.setString(7, j.stateCode());
                if (j.population() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, j.population());
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO jurisdiction_county (place_geoid, county_geoid, inferred) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Jurisdiction place : rows) {
                if (place.kind() == JurisdictionKind.STATE || place.kind() == JurisdictionKind.COUNTY) {
                    continue;
                }
                for (String county : place.countyGeoids()) {
                    insert.setString(1, place.geoid());
                    insert.setString(2, county);
                    insert.setBoolean(3, place.countiesInferred());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reference_dataset (name, vintage, row_count, loaded_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, DATASET);
            insert.setString(2, VINTAGE);
            insert.setInt(3, rows.size());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
