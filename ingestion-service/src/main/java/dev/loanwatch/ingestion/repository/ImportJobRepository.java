package dev.loanwatch.ingestion.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loanwatch.platform.error.FieldError;
import dev.loanwatch.platform.text.Text;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs and their rejected rows. Written outside the chunks' transactions (progress is
 * visible at once). Text from the file (record ids, messages quoting values, the reason a job
 * failed) is written with control characters and lone surrogates escaped: PostgreSQL refuses
 * a NUL in text and jsonb, and a job whose reason could not be stored would never finish.
 */
@ApplicationScoped
public class ImportJobRepository {

    public record Job(UUID id, String recordType, String format, String fileName, String state, long bytesTotal,
                      long bytesRead, long rowsRead, long rowsAccepted, long rowsRejected, String error,
                      OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime resumedAt,
                      OffsetDateTime finishedAt) {
    }

    public record RejectedRow(long line, String recordId, List<FieldError> errors) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public ImportJobRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void create(UUID id, String recordType, String format, String fileName, long bytes) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into import_job (id, record_type, format, file_name, state, bytes_total) values (?, ?, ?, ?, 'QUEUED', ?)")) {
            ps.setObject(1, id);
            ps.setString(2, recordType);
            ps.setString(3, format);
            ps.setString(4, Text.visible(fileName));
            ps.setLong(5, bytes);
            ps.executeUpdate();
        }
    }

    /** A run of the job begins: the first, or again from the top after a restart. */
    public void started(UUID id) throws SQLException {
        update("update import_job set state = 'RUNNING', started_at = coalesce(started_at, now()), resumed_at = now() where id = ?", id);
    }

    public void progress(UUID id, long bytesRead, long rowsRead, long accepted, long rejected, List<RejectedRow> rejections)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!rejections.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into import_rejection (job_id, line, record_id, errors) "
                        + "values (?, ?, ?, ?::jsonb) on conflict do nothing")) {
                    for (RejectedRow r : rejections) {
                        ps.setObject(1, id);
                        ps.setLong(2, r.line());
                        ps.setString(3, Text.visible(r.recordId()));
                        ps.setString(4, mapper.writeValueAsString(r.errors().stream()
                                .map(e -> new FieldError(Text.visible(e.field()), Text.visible(e.message()))).toList()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update import_job set bytes_read = ?, rows_read = ?, "
                    + "rows_accepted = ?, rows_rejected = ? where id = ?")) {
                ps.setLong(1, bytesRead);
                ps.setLong(2, rowsRead);
                ps.setLong(3, accepted);
                ps.setLong(4, rejected);
                ps.setObject(5, id);
                ps.executeUpdate();
            }
        }
    }

    public void finished(UUID id, String state, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update import_job set state = ?, error = ?, finished_at = now() where id = ?")) {
            ps.setString(1, state);
            ps.setString(2, Text.visible(error));
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** Jobs a previous process left unfinished. */
    public List<UUID> unfinished() throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from import_job where state in ('QUEUED', 'RUNNING') order by created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    public Optional<Job> find(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, record_type, format, file_name, state, bytes_total, bytes_read, rows_read, rows_accepted, "
                        + "rows_rejected, error, created_at, started_at, resumed_at, finished_at from import_job where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class),
                        rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class)));
            }
        }
    }

    public List<RejectedRow> rejections(UUID id, long afterLine, int limit) throws SQLException {
        List<RejectedRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select line, record_id, errors::text from import_rejection where job_id = ? and line > ? order by line limit ?")) {
            ps.setObject(1, id);
            ps.setLong(2, afterLine);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FieldError[] errors = mapper.readValue(rs.getString(3), FieldError[].class);
                    out.add(new RejectedRow(rs.getLong(1), rs.getString(2), List.of(errors)));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
