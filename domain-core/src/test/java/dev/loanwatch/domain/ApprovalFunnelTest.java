package dev.loanwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ApprovalFunnelTest {

    @Test
    void bothApprovalRatesAndTheRestOnAWorkedMonth() {
        // 1,000 applications; 600 approved, 300 rejected (100 still open); 540 disbursed of 900 reviewed;
        // 18 deviation approvals; machine decided 700, approved 450; rules hit 250; model scored 950,
        // rejected 190; 200 sent to a person, 150 approved
        ApprovalFunnel f = new ApprovalFunnel(1000, 600, 300, 540, 900, 18, 700, 450, 250, 950, 190, 200, 150);
        assertEquals(new BigDecimal("0.600000"), f.approvalRateOfApplications().orElseThrow());
        assertEquals(new BigDecimal("0.666667"), f.approvalRateOfDecided().orElseThrow());
        assertEquals(new BigDecimal("0.900000"), f.disbursementRate().orElseThrow());
        assertEquals(new BigDecimal("0.600000"), f.reviewedDisbursementRate().orElseThrow());
        assertEquals(new BigDecimal("0.020000"), f.deviationRate().orElseThrow());
        assertEquals(new BigDecimal("0.642857"), f.machineApprovalRate().orElseThrow());
        assertEquals(new BigDecimal("0.250000"), f.ruleHitRate().orElseThrow());
        assertEquals(new BigDecimal("0.200000"), f.modelRejectRate().orElseThrow());
        assertEquals(new BigDecimal("0.750000"), f.manualApprovalRate().orElseThrow());
    }

    @Test
    void anEmptyMonthHasNoRatesAndImpossibleCountsAreRefused() {
        ApprovalFunnel empty = new ApprovalFunnel(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertTrue(empty.approvalRateOfApplications().isEmpty());
        assertTrue(empty.approvalRateOfDecided().isEmpty());
        assertTrue(empty.manualApprovalRate().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ApprovalFunnel(1, 1, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalFunnel(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
}
