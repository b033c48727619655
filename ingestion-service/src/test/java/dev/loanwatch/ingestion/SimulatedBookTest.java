package dev.loanwatch.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loanwatch.domain.LoanSnapshot;
import dev.loanwatch.simulator.Simulation;
import dev.loanwatch.simulator.drive.IngestionDriver;
import dev.loanwatch.simulator.output.FunnelTruth;
import dev.loanwatch.simulator.scenario.Scenario;
import dev.loanwatch.testing.Database;
import dev.loanwatch.testing.KafkaBroker;
import dev.loanwatch.testing.Postgres;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A simulated book (simulator module) driven through the real API day by day: every generated
 * row is accepted, at every month end the system's set-based close says, loan by loan, what
 * the simulator computed with the domain core from the same payments, and the stored applications
 * count what the simulator's funnel counts.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
@WithTestResource(value = Postgres.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class SimulatedBookTest {
    static final Database DB = new Database("ingestion");

    @Test
    void aSimulatedBookIsAcceptedWholeAndClosedAsTheSimulatorSays() throws Exception {
        // closes month ends on the shared database, where no other class closes (DailyCloseTest has its own)
        Simulation sim = Simulation.run(new Simulation.Config(150, 6, YearMonth.of(2026, 1), 5, Scenario.load("baseline"), "T5"));
        new IngestionDriver("http://localhost:" + RestAssured.port, System.out).drive(sim, IngestionDriver.Closes.MONTH_ENDS);

        Map<LocalDate, List<LoanSnapshot>> expected = sim.snapshotsByMonthEnd();
        int delinquent = 0;
        for (Map.Entry<LocalDate, List<LoanSnapshot>> month : expected.entrySet()) {
            Map<String, Object[]> stored = new HashMap<>();
            try (Connection c = DB.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select loan_id, dpd, outstanding_principal, overdue_principal "
                         + "from month_end_snapshot where snapshot_date = '" + month.getKey() + "' and loan_id like 'T5-%'")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Object[]{rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
            assertEquals(month.getValue().size(), stored.size(), "loans on book at " + month.getKey());
            for (LoanSnapshot s : month.getValue()) {
                Object[] row = stored.get(s.loanId());
                assertEquals(s.dpd(), row[0], s.loanId() + " DPD at " + month.getKey());
                assertEquals(0, s.outstandingPrincipal().compareTo((BigDecimal) row[1]), s.loanId() + " outstanding at " + month.getKey());
                assertEquals(0, s.overduePrincipal().compareTo((BigDecimal) row[2]), s.loanId() + " overdue at " + month.getKey());
                if (s.dpd() > 0) {
                    delinquent++;
                }
            }
        }
        assertTrue(delinquent > 0, "the simulated book must have delinquent loan-months for this to mean something");
        long stillOpen = sim.paths().stream().filter(p -> !p.settled()).count();
        assertEquals(stillOpen, DB.count("select count(*) from loan where state = 'OPEN' and id like 'T5-%'"));

        // the applications: as many of each outcome as the simulator's own funnel says, every loan with its application
        FunnelTruth.Row funnel = FunnelTruth.total(sim.applications());
        assertEquals(funnel.applications(), DB.count("select count(*) from application where id like 'T5-%'"));
        assertEquals(funnel.approved(), DB.count("select count(*) from application where id like 'T5-%' and decision = 'APPROVED'"));
        assertEquals(funnel.rejected(), DB.count("select count(*) from application where id like 'T5-%' and decision = 'REJECTED'"));
        assertEquals(funnel.pending(), DB.count("select count(*) from application where id like 'T5-%' and decision = 'PENDING'"));
        assertEquals(funnel.deviationApproved(), DB.count("select count(*) from application where id like 'T5-%' and deviation"));
        assertEquals(funnel.modelRejected(), DB.count("select count(*) from application where id like 'T5-%' and model_decision = 'REJECT'"));
        assertEquals(sim.loans().size(), DB.count("select count(*) from application where id like 'T5-%' and loan_id is not null"));
        assertEquals(sim.applicationRecords().size(), DB.count("select count(*) from application_revision where application_id like 'T5-%'"));
    }
}
