package dev.loanwatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker (KRaft, one combined broker/controller node) running inside the test JVM.
 *
 * <p>Use with {@code @QuarkusTestResource(KafkaBroker.class)} or {@code @WithTestResource}; plain
 * tests call {@link #bootstrapServers()}. The broker is started on first use and shared by every
 * test class and profile of the JVM: starting a broker costs seconds, and Quarkus restarts test
 * resources per profile. It is stopped by a JVM shutdown hook, never by {@link #stop()}, because
 * another test class may still be using it.
 *
 * <p>Topics are not deleted between test classes, so tests should use their own topic names or
 * their own consumer groups.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    /** Starts the shared broker if needed and returns its {@code host:port} list. */
    public static String bootstrapServers() {
        Class<?> owner = JvmWide.owner(KafkaBroker.class);
        if (owner != KafkaBroker.class) {
            return (String) JvmWide.call(owner, "bootstrapServers", new Class<?>[0]);
        }
        return ownBootstrapServers();
    }

    private static synchronized String ownBootstrapServers() {
        if (cluster == null) {
            cluster = startCluster();
            KafkaClusterTestKit started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // The JVM is exiting; the temporary log dirs are all that can be left over.
                    System.err.println("KafkaBroker: stopping the test broker failed: " + e);
                }
            }, "kafka-test-broker-shutdown"));
        }
        return cluster.bootstrapServers();
    }

    /**
     * Broker-side logger categories, turned down to WARNING so that the broker's start-up does not
     * bury the test's own output. Client categories (org.apache.kafka.clients) are left alone, except
     * the shared config dump (AbstractConfig), which is hundreds of lines per broker or client. Held
     * here because java.util.logging keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    private static void quietBrokerLogging() {
        for (String category : List.of("kafka", "state.change.logger", "org.apache.kafka.server",
                "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.coordinator",
                "org.apache.kafka.storage", "org.apache.kafka.metadata", "org.apache.kafka.image",
                "org.apache.kafka.queue", "org.apache.kafka.snapshot", "org.apache.kafka.common.test",
                "org.apache.kafka.security", "org.apache.kafka.network",
                "org.apache.kafka.common.config.AbstractConfig")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
    }

    private static KafkaClusterTestKit startCluster() {
        quietBrokerLogging();
        // Kafka instantiates plugins by name through the context class loader; under Quarkus that is
        // the application's loader, whose copies of the broker classes clash with ours. Broker threads
        // inherit the loader set here.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The kit defaults to the newest, still unstable metadata version; tests should
                    // run against what a released broker of this version writes.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    // A single node cannot hold more than one replica of anything.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    // Fewer partitions make the first consumer group of a test start faster.
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    // The default 3 s delay only helps large groups; in tests it is pure waiting.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Map<String, String> start() {
        String servers = bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", servers,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // Shared with other test classes; see the class comment.
    }
}
