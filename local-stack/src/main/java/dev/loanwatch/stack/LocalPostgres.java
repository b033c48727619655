package dev.loanwatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Uses the PostgreSQL named by the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) when it
 * answers and accepts those credentials; otherwise runs a real embedded server whose data directory
 * survives restarts.
 */
final class LocalPostgres {

    static final String EMBEDDED_USER = "postgres";
    /** The embedded server trusts loopback connections; the password is for clients that insist. */
    static final String EMBEDDED_PASSWORD = "postgres";

    record Endpoint(String host, int port, String user, String password) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private final Path dataDir;
    private final Path logFile;
    private final int embeddedPort;

    private EmbeddedPostgres embedded;
    /** A postmaster left behind by a killed launcher, which this launcher now stops. */
    private ProcessHandle adopted;
    private Endpoint endpoint;

    LocalPostgres(Path stackDir, int embeddedPort) {
        this.dataDir = stackDir.resolve("postgres");
        this.logFile = stackDir.resolve("postgres.log");
        this.embeddedPort = embeddedPort;
    }

    Path postmasterPidFile() {
        return dataDir.resolve("postmaster.pid");
    }

    Endpoint start() throws IOException {
        Endpoint external = new Endpoint(
                Ports.envOr("PGHOST", "127.0.0.1"),
                Ports.fromEnv("PGPORT", 5432),
                Ports.envOr("PGUSER", "postgres"),
                Ports.envOr("PGPASSWORD", ""));
        if (usable(external, true)) {
            log("PostgreSQL: using the server at " + external.host() + ":" + external.port()
                    + " as " + external.user());
            endpoint = external;
            return endpoint;
        }

        Endpoint local = new Endpoint("127.0.0.1", embeddedPort, EMBEDDED_USER, EMBEDDED_PASSWORD);
        Optional<ProcessHandle> previous = Pids.alive(postmasterPidFile(), "postgres");
        if (Ports.accepts(local.host(), local.port())) {
            if (previous.isPresent() && usable(local, false)) {
                adopted = previous.get();
                log("PostgreSQL: adopting the embedded server still running from " + dataDir
                        + " (pid " + adopted.pid() + ")");
                endpoint = local;
                return endpoint;
            }
            throw new IllegalStateException("Port " + embeddedPort + " is in use by another program;"
                    + " set PGPORT_EMBEDDED to a free port");
        }

        long t0 = System.nanoTime();
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        Files.createDirectories(dataDir.getParent());
        log("PostgreSQL: " + (fresh ? "initialising" : "starting") + " embedded server in " + dataDir);
        embedded = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                // Persistent: this is the developer's local database, not a throw-away test one.
                .setCleanDataDirectory(false)
                .setPort(embeddedPort)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky turns this off for test speed; local data should survive a crash.
                .setServerConfig("synchronous_commit", "on")
                // Same collation on every machine, independent of installed OS locales (PG 17+).
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by the launcher's own hook, in order, rather than by a second hook.
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        endpoint = local;
        log(String.format("PostgreSQL: embedded server ready on 127.0.0.1:%d in %d ms (log %s)", embeddedPort,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), logFile));
        return endpoint;
    }

    void createDatabases(List<String> names) throws SQLException {
        try (Connection c = connect(endpoint, "postgres");
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                Statement ddl = c.createStatement()) {
            for (String name : names) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                // Names were checked against a strict pattern; CREATE DATABASE takes no parameters.
                ddl.execute("create database \"" + name + "\"");
                log("PostgreSQL: created database " + name);
            }
        }
    }

    void stop() {
        if (embedded != null) {
            log("PostgreSQL: stopping embedded server");
            try {
                embedded.close();
            } catch (IOException e) {
                log("PostgreSQL: stopping failed: " + e.getMessage());
            }
            embedded = null;
        }
        if (adopted != null) {
            stopPostmaster(adopted);
            adopted = null;
        }
    }

    /** Fast shutdown: rolls back open transactions instead of waiting for clients to disconnect. */
    static void stopPostmaster(ProcessHandle postmaster) {
        log("PostgreSQL: stopping embedded server (pid " + postmaster.pid() + ")");
        if (!Pids.signalAndWait(postmaster, "INT", Duration.ofSeconds(60))) {
            log("PostgreSQL: server did not stop within 60 s");
        }
    }

    private static boolean usable(Endpoint e, boolean explain) {
        if (!Ports.accepts(e.host(), e.port())) {
            return false;
        }
        try (Connection c = connect(e, "postgres"); Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException ex) {
            if (explain) {
                log("PostgreSQL: " + e.host() + ":" + e.port() + " answers but refused " + e.user()
                        + " (" + ex.getMessage() + "); set PGUSER/PGPASSWORD to use it. Falling back to embedded.");
            }
            return false;
        }
    }

    private static Connection connect(Endpoint e, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", e.user());
        props.setProperty("password", e.password());
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(e.jdbcUrl(database), props);
    }

    private static void log(String message) {
        System.err.println("[local-stack] " + message);
    }
}
