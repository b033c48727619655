package dev.loanwatch.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of ingestion-service: batch import (a), Kafka input (b), daily close (c) and
 * outbox relay (d), each next to a baseline measured in the same run on the same database.
 * The service runs as a child process from its built jar, on a fresh database of the local
 * stack; see bench/README.md.
 */
public final class IngestionBench {

    private IngestionBench() {
    }

    public static void main(String[] args) {
        BenchRun.main(args, a -> new Run(Options.parse(a)), Options.USAGE);
    }

    /** One run: what it started, so that cleanUp stops exactly that. */
    private static final class Run extends BenchRun {
        private final Options o;

        Run(Options o) {
            super("ingestion-service benchmark", o.root(), "bench-result.md", o.keep());
            this.o = o;
        }

        @Override
        void execute() throws Exception {
            Log.info("parts: %s; payments %,d, kafka %,d, loans %,d%s", parts(), o.payments(), o.kafka(), o.loans(),
                    o.keep() ? ", keeping the database" : "");
            startStackAndDatabase(o.localStackJar(), o.stackData());
            KafkaBench kafka = new KafkaBench(stack.kafka());
            if (o.runs('b')) {
                kafka.skipLeftovers();
            }

            service = ServiceProcess.start("ingestion-service", o.serviceJar(), java.util.List.of(), stack,
                    // the benchmark chooses the business dates; a scheduled close at 00:30 must not interfere
                    Map.of("PG_URL_INGESTION", db.url(), "CLOSE_SCHEDULED", "false"),
                    target.resolve("ingestion-service.log"));

            Book book = null;
            if (o.runs('a') || o.runs('b')) {
                long most = Math.max(o.runs('a') ? o.payments() : 0, o.runs('b') ? o.kafka() : 0);
                book = new Book((int) Math.max(1, (most + Book.PAYMENTS_PER_LOAN - 1) / Book.PAYMENTS_PER_LOAN));
                Log.info("a: loading %,d borrowers and %,d loans through the import API", book.loans, book.loans);
                new ImportBench(service, db, target.resolve("data")).loadBook(book, report);
            }
            if (o.runs('a')) {
                new ImportBench(service, db, target.resolve("data")).run(book, o.payments(), report);
            }
            Outbox outbox = new Outbox(service, db, report);
            if (o.runs('b')) {
                // the relay publishing part a's events would otherwise compete with the consumer
                outbox.awaitEmpty("before part b");
                kafka.run(book, o.kafka(), db, service, report);
            }
            if (o.runs('c')) {
                new CloseBench(service, db, report, outbox).run(o.loans(), o.runs('d'));
            }
        }

        private String parts() {
            StringBuilder sb = new StringBuilder();
            for (char p : new char[]{'a', 'b', 'c', 'd'}) {
                if (o.runs(p)) {
                    sb.append(sb.length() == 0 ? "" : ",").append(p);
                }
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }

        @Override
        String command() {
            return String.format(Locale.ROOT, "--payments %d --kafka %d --loans %d%s", o.payments(), o.kafka(), o.loans(),
                    o.skip().isEmpty() ? "" : " --skip " + String.join(",", o.skip().stream().map(String::valueOf).toList()));
        }
    }
}
