package org.sanctuaryscorecard.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jurisdictions are written to the database once, and a second migration run loads nothing again. */
@ScorecardWebTest
class JurisdictionTableTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JurisdictionCatalog catalog;

    @Autowired
    Flyway flyway;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyJurisdictionIsInTheDatabase() {
        assertThat(count("SELECT COUNT(*) FROM jurisdiction")).isEqualTo(catalog.size());
        assertThat(count("SELECT COUNT(*) FROM jurisdiction WHERE kind = 'county'")).isGreaterThan(3_100);
        assertThat(count("SELECT COUNT(*) FROM jurisdiction WHERE kind = 'incorporated-place'")).isGreaterThan(19_000);
        assertThat(count("SELECT COUNT(*) FROM jurisdiction_county"))
                .isEqualTo(catalog.all().stream().mapToLong(j -> j.countyGeoids().size()).sum());
        assertThat(count("SELECT COUNT(*) FROM jurisdiction_county WHERE inferred")).isEqualTo(69);
        assertThat(jdbc.sql("SELECT name FROM jurisdiction WHERE geoid = '35013'").query(String.class).single())
                .isEqualTo("Doña Ana County");
        assertThat(jdbc.sql("SELECT row_count FROM reference_dataset WHERE name = 'census-jurisdictions'")
                .query(Integer.class).single()).isEqualTo(catalog.size());
    }

    @Test
    void aSecondStartDoesNotLoadAgain() {
        var result = flyway.migrate();

        assertThat(result.migrationsExecuted).isZero();
        assertThat(count("SELECT COUNT(*) FROM reference_dataset")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM jurisdiction")).isEqualTo(catalog.size());
    }
}
