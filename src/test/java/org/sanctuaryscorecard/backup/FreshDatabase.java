package org.sanctuaryscorecard.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new, empty database beside the tests' own, of the same kind: an in-memory H2 database, or, when the tests run
 * against PostgreSQL (CI's second pass), a new schema in the same PostgreSQL database. The application creates its
 * tables there when it starts on {@link #springArguments()}; {@link #jdbc()} reads them afterwards.
 */
final class FreshDatabase implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final String schema;

    private FreshDatabase(String url, String username, String password, String schema) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.schema = schema;
    }

    /** A new database of the kind the tests use (read from their environment). */
    static FreshDatabase like(Environment environment) throws SQLException {
        String base = environment.getRequiredProperty("spring.datasource.url");
        String username = environment.getProperty("spring.datasource.username", "");
        String password = environment.getProperty("spring.datasource.password", "");
        String name = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (base.startsWith("jdbc:postgresql:")) {
            try (Connection connection = DriverManager.getConnection(base, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + name);
            }
            return new FreshDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name, username, password, name);
        }
        if (!base.startsWith("jdbc:h2:mem:")) {
            throw new IllegalStateException("tests run on an in-memory H2 database or on PostgreSQL, not on " + base);
        }
        // kept open until close(): the command that restores into it stops its application before the test reads it
        String url = base.replaceFirst("^jdbc:h2:mem:[^;]*", "jdbc:h2:mem:" + name).replace(";DB_CLOSE_DELAY=-1", "")
                + ";DB_CLOSE_DELAY=-1";
        return new FreshDatabase(url, username, password, null);
    }

    /** What points the application at this database. */
    String[] springArguments() {
        return new String[] {"--spring.datasource.url=" + url};
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url, username, password));
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
