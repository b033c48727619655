package dev.loanwatch.ingestion.service;

import dev.loanwatch.platform.consumer.Backoff;
import dev.loanwatch.platform.consumer.Failures;
import dev.loanwatch.platform.error.RejectedException;
import dev.loanwatch.platform.error.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.ingestion.config.IngestionConfig;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.ingestion.mapping.RowReader;
import dev.loanwatch.ingestion.mapping.RowReader.Format;
import dev.loanwatch.ingestion.repository.ImportJobRepository;
import dev.loanwatch.ingestion.repository.ImportJobRepository.Job;
import dev.loanwatch.ingestion.repository.ImportJobRepository.RejectedRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Batch import of a CSV or NDJSON file: the upload is spooled to disk, then a background job
 * streams it in chunks; each chunk is committed on its own (accepted rows stay stored whatever
 * happens later) and its rejected rows are reported with their line and reasons. A job cut
 * off by a restart runs again from the top: the rows already stored are recognised as
 * replays, so the result is the same as one uninterrupted run.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final long CHUNK_BYTES = 16L << 20;

    private final ImportJobRepository jobs;
    private final Ingestion ingestion;
    private final ObjectMapper mapper;
    private final IngestionConfig config;
    // one file at a time: the chunks already use the database fully, and jobs stay in order
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-worker");
        t.setDaemon(true);
        return t;
    });

    public ImportService(ImportJobRepository jobs, Ingestion ingestion, ObjectMapper mapper, IngestionConfig config) {
        this.jobs = jobs;
        this.ingestion = ingestion;
        this.mapper = mapper;
        this.config = config;
    }

    void onStart(@Observes StartupEvent e) throws SQLException {
        resumeUnfinished();
    }

    /** Queues again the jobs a previous process left unfinished (at start-up); a job whose file is gone fails. */
    public void resumeUnfinished() throws SQLException {
        for (UUID id : jobs.unfinished()) {
            if (Files.exists(spoolFile(id))) {
                LOG.infof("resuming import %s", id);
                jobs.find(id).ifPresent(job -> worker.submit(() -> run(job)));
            } else {
                jobs.finished(id, "FAILED", "the uploaded file was lost in a restart; upload it again");
            }
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        worker.shutdownNow();
    }

    /** Spools the body to disk and queues the job; throws {@link FileTooLargeException} beyond the limit. */
    public Job submit(RecordType type, Format format, String fileName, InputStream body) throws IOException, SQLException {
        UUID id = UUID.randomUUID();
        Path file = spoolFile(id);
        Files.createDirectories(file.getParent());
        long size;
        try (OutputStream out = Files.newOutputStream(file)) {
            size = copyLimited(body, out, config.imports().maxFileBytes());
        } catch (FileTooLargeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        jobs.create(id, type.name(), format.name(), fileName, size);
        Job job = jobs.find(id).orElseThrow();
        worker.submit(() -> run(job));
        return job;
    }

    public Optional<Job> find(UUID id) throws SQLException {
        return jobs.find(id);
    }

    public List<RejectedRow> rejections(UUID id, long afterLine, int limit) throws SQLException {
        return jobs.rejections(id, afterLine, limit);
    }

    private Path spoolFile(UUID id) {
        return Path.of(config.imports().spoolDirectory(), id + ".upload");
    }

    /**
     * Runs a job to its end. The spooled file is deleted only once the end is recorded: a job
     * whose end could not be recorded (the database gone) or that was stopped by a shutdown stays
     * unfinished with its file, and runs again at the next start.
     */
    private void run(Job job) {
        RecordType type = RecordType.valueOf(job.recordType());
        Path file = spoolFile(job.id());
        String state;
        String error;
        try {
            jobs.started(job.id());
            try (InputStream in = Files.newInputStream(file)) {
                RowReader.requireUtf8(in);
            }
            CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
            long read = 0, accepted = 0, rejected = 0, chunkStart = 0;
            try (RowReader rows = RowReader.open(Format.valueOf(job.format()), counting, mapper, type.fields)) {
                List<RowReader.Row> chunk = new ArrayList<>(config.imports().chunkSize());
                RowReader.Row row;
                do {
                    row = rows.next();
                    if (row != null) {
                        chunk.add(row);
                    }
                    // a chunk is also cut after CHUNK_BYTES of file: 2,000 rows of the largest size must not fill the heap
                    if (chunk.size() == config.imports().chunkSize() || (!chunk.isEmpty() && counting.count - chunkStart >= CHUNK_BYTES)
                            || (row == null && !chunk.isEmpty())) {
                        List<RejectedRow> rejections = storeChunk(job.id(), type, chunk, counting.count, read, accepted, rejected);
                        read += chunk.size();
                        rejected += rejections.size();
                        accepted += chunk.size() - rejections.size();
                        chunk.clear();
                        chunkStart = counting.count;
                    }
                } while (row != null);
            }
            state = "COMPLETED";
            error = null;
            LOG.infof("import %s of %s finished: %d rows, %d accepted, %d rejected", job.id(), type, read, accepted, rejected);
        } catch (RowReader.MalformedFileException e) {
            state = "FAILED";
            error = e.getMessage();
        } catch (Exception e) {
            // a shutdown interrupts the worker (also while it waits for the parts of a chunk): the
            // job is not failed, it stays unfinished with its file and runs again at the next start
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                LOG.infof("import %s stopped by a shutdown; it runs again at the next start", job.id());
                Thread.currentThread().interrupt();
                return;
            }
            LOG.errorf(e, "import %s failed", job.id());
            state = "FAILED";
            error = "internal error: " + e.getClass().getSimpleName();
        }
        if (finish(job.id(), state, error)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("cannot delete spooled file %s", file);
            }
        }
    }

    /**
     * Stores a chunk and records the job's progress with it. When the database fails in a way
     * that may pass (connection lost, shutdown, deadlock) the chunk is stored again after a pause,
     * as long as it takes, like the Kafka input: its rows already stored are then replays, so the
     * counts stay what the database holds, and a failure of the database is never reported as
     * rejected rows.
     */
    private List<RejectedRow> storeChunk(UUID id, RecordType type, List<RowReader.Row> chunk, long bytesRead, long read,
                                         long accepted, long rejected) throws SQLException, InterruptedException {
        // as the Kafka input retries (loanwatch.consumer.* defaults)
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        while (true) {
            try {
                List<RejectedRow> rejections = processChunk(type, chunk);
                jobs.progress(id, bytesRead, read + chunk.size(), accepted + chunk.size() - rejections.size(),
                        rejected + rejections.size(), rejections);
                return rejections;
            } catch (RuntimeException | SQLException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("import %s: the database failed (%s); trying the chunk again in %d ms", id, e, backoff.nextMillis());
                backoff.pause();
            }
        }
    }

    private List<RejectedRow> processChunk(RecordType type, List<RowReader.Row> chunk) {
        List<RejectedRow> rejections = new ArrayList<>();
        List<JsonNode> records = new ArrayList<>(chunk.size());
        List<RowReader.Row> readable = new ArrayList<>(chunk.size());
        for (RowReader.Row r : chunk) {
            if (r.problem() != null) {
                rejections.add(new RejectedRow(r.line(), null, List.of(r.problem())));
            } else {
                records.add(r.record());
                readable.add(r);
            }
        }
        List<Rejection> outcome = ingestion.ingest(type, records);
        for (int i = 0; i < outcome.size(); i++) {
            Rejection rej = outcome.get(i);
            if (rej != null) {
                RowReader.Row r = readable.get(i);
                List<FieldError> errors = new ArrayList<>(rej.errors());
                if (rej.kind() != Rejection.Kind.INVALID) {
                    errors.add(0, new FieldError("$", rej.kind().name() + ": " + rej.detail()));
                }
                rejections.add(new RejectedRow(r.line(), RecordType.idOf(r.record()), errors));
            }
        }
        rejections.sort(java.util.Comparator.comparingLong(RejectedRow::line));
        return rejections;
    }

    private boolean finish(UUID id, String state, String error) {
        try {
            jobs.finished(id, state, error);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "cannot record the end of import %s; it runs again at the next start", id);
            return false;
        }
    }

    private static long copyLimited(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw new FileTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    /** The upload exceeds loanwatch.imports.max-file-bytes. */
    public static final class FileTooLargeException extends RejectedException {
        public FileTooLargeException(long limit) {
            super(Rejection.tooLarge("the file is larger than the limit of " + limit + " bytes"));
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
