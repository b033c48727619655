package dev.loanwatch.alert.rest;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.loanwatch.alert.model.Answer;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer's table as CSV (RFC 4180, header row, UTF-8): the same rows and columns as the JSON's
 * {@code rows}; decimals in plain notation; nested values (none today) as their text.
 */
@Provider
@Produces(CsvAnswers.TEXT_CSV)
public class CsvAnswers implements MessageBodyWriter<Answer> {
    public static final String TEXT_CSV = "text/csv";
    // the container owns the response stream: the writer must not close it
    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Answer.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Answer answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        answer.rows().forEach(r -> columns.addAll(r.keySet()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : answer.rows()) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                Object v = r.get(c);
                row.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            }
            rows.add(row);
        }
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + answer.report() + ".csv\"");
        CSV.writer(schema.build()).writeValues(out).writeAll(rows).close();
    }
}
