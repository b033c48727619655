package dev.loanwatch.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.behaviour.SimPayment;
import dev.loanwatch.simulator.book.SimApplication;
import dev.loanwatch.simulator.book.SimBorrower;
import dev.loanwatch.simulator.book.SimLoan;
import dev.loanwatch.simulator.output.Records;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Drives a running ingestion-service business day by business day through the batch-import API:
 * the day's new borrowers (each with its first application), the applications received or decided
 * that day, the loans (NDJSON), the applications linked to those loans, the payments (CSV), then
 * the daily close of that date. Fails loudly on any rejected row — a generated book must be
 * accepted whole.
 */
public final class IngestionDriver {
    /** Close every business day, or only at month ends (faster; DPD events then move monthly). */
    public enum Closes { DAILY, MONTH_ENDS }

    private final ServiceEndpoint ingestion;
    private final PrintStream log;

    public IngestionDriver(String base, PrintStream log) {
        this.ingestion = new ServiceEndpoint(base);
        this.log = log;
    }

    private record Day(List<SimBorrower> borrowers, List<SimApplication.Revision> applications, List<SimLoan> loans,
                       List<SimApplication.Revision> links, List<SimPayment> payments) {
        Day() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public void drive(Simulation sim, Closes closes) throws IOException, InterruptedException {
        Map<LocalDate, Day> days = new TreeMap<>();
        Set<String> introduced = new HashSet<>();
        for (SimLoan l : sim.loans()) {
            days.computeIfAbsent(l.terms().disbursementDate(), k -> new Day()).loans().add(l);
        }
        // a borrower arrives with its first application (every loan has one, received before it)
        for (SimApplication.Revision r : sim.applicationRecords()) {
            Day d = days.computeIfAbsent(r.on(), k -> new Day());
            (r.linked() ? d.links() : d.applications()).add(r);
            if (introduced.add(r.application().borrower().id())) {
                d.borrowers().add(r.application().borrower());
            }
        }
        for (SimPayment p : sim.paymentsInDateOrder()) {
            days.computeIfAbsent(p.valueDate(), k -> new Day()).payments().add(p);
        }
        LocalDate first = days.keySet().iterator().next();
        long started = System.nanoTime();
        long rows = 0;
        YearMonth month = YearMonth.from(first);
        int monthApplications = 0;
        int monthLoans = 0;
        int monthPayments = 0;
        for (LocalDate d = first; !d.isAfter(sim.config().end()); d = d.plusDays(1)) {
            Day day = days.get(d);
            if (day != null) {
                rows += upload("borrowers", "application/x-ndjson", ndjson(day.borrowers().stream().map(b -> Records.json(Records.borrower(b))).toList()));
                rows += upload("applications", "application/x-ndjson", ndjson(day.applications().stream().map(a -> Records.json(Records.application(a))).toList()));
                rows += upload("loans", "application/x-ndjson", ndjson(day.loans().stream().map(l -> Records.json(Records.loan(l))).toList()));
                rows += upload("applications", "application/x-ndjson", ndjson(day.links().stream().map(a -> Records.json(Records.application(a))).toList()));
                List<String> lines = new ArrayList<>();
                lines.add(Records.PAYMENT_HEADER);
                day.payments().forEach(p -> lines.add(Records.paymentCsv(p)));
                rows += day.payments().isEmpty() ? 0 : upload("payments", "text/csv", ndjson(lines));
                monthApplications += day.applications().size() + day.links().size();
                monthLoans += day.loans().size();
                monthPayments += day.payments().size();
            }
            boolean monthEnd = d.plusDays(1).getDayOfMonth() == 1;
            if (closes == Closes.DAILY || monthEnd) {
                JsonNode summary = close(d);
                if (monthEnd) {
                    log.printf("  %s: %d application records, %d loans and %d payments in; close: %s open loans, %s status changes, %s snapshot rows%n",
                            month, monthApplications, monthLoans, monthPayments, summary.path("openLoans").asText(),
                            summary.path("statusChanges").asText(), summary.path("snapshotRows").asText());
                    month = month.plusMonths(1);
                    monthApplications = 0;
                    monthLoans = 0;
                    monthPayments = 0;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.printf("  drove %d records and the closes through %s in %.1f s (%.0f records/s)%n", rows, ingestion.base(), seconds, rows / seconds);
    }

    private static String ndjson(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Uploads one file and waits for its job; returns its rows. */
    private long upload(String type, String contentType, String body) throws IOException, InterruptedException {
        if (body.isEmpty()) {
            return 0;
        }
        HttpResponse<String> r = ingestion.send(ingestion.request("/imports/" + type)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("import of " + type + " refused: " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        long wait = 5;
        while (true) {
            job = get(location);
            String state = job.path("state").asText();
            if ("COMPLETED".equals(state) || "FAILED".equals(state)) {
                break;
            }
            Thread.sleep(wait);
            wait = Math.min(100, wait * 2);
        }
        if (!"COMPLETED".equals(job.path("state").asText()) || job.path("rowsRejected").asLong() > 0) {
            throw new IllegalStateException("import of " + type + " had rejected rows: " + job + "\n" + get(location + "/rejections?limit=20"));
        }
        return job.path("rowsRead").asLong();
    }

    private JsonNode close(LocalDate d) throws IOException, InterruptedException {
        HttpResponse<String> r = ingestion.send(ingestion.request("/closes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"businessDate\":\"" + d + "\"}")).build());
        if (r.statusCode() == 409) {
            throw new IllegalStateException("the system has already closed a later date than " + d
                    + " (business dates move forward only): load this book into a fresh database, or simulate a later --start. "
                    + r.body());
        }
        if (r.statusCode() >= 300 && r.statusCode() != 200) {
            throw new IllegalStateException("close of " + d + " failed: " + r.statusCode() + " " + r.body());
        }
        return ingestion.json(r.body());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return ingestion.json(ingestion.send(ingestion.request(path).build()).body());
    }
}
