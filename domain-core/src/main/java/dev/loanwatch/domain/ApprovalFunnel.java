package dev.loanwatch.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The approval funnel's ratios (贷前, DOMAIN.md §4) from one period's counts. Both of the
 * catalogue's approval rates are given, named by their base: over the period's applications, and
 * over the decided ones (approved + rejected — the catalogue prints this formula upside down). Every
 * ratio is empty when its base is zero.
 *
 * @param applications       进件: applications received in the period
 * @param approved           approved in the period
 * @param rejected           rejected in the period
 * @param disbursed          loans disbursed in the period
 * @param reviewed           applications reviewed (核) in the period
 * @param deviationApproved  approved although a rule said no (违例核准)
 * @param machineDecided     decided by rules and model without a person
 * @param machineApproved    of those, approved
 * @param ruleHits           applications on which at least one rule fired
 * @param scored             applications the model scored
 * @param modelRejected      of those, rejected by the model
 * @param sentToPerson       applications sent to a person
 * @param personApproved     of those, approved by the person
 */
public record ApprovalFunnel(long applications, long approved, long rejected, long disbursed, long reviewed,
                             long deviationApproved, long machineDecided, long machineApproved, long ruleHits,
                             long scored, long modelRejected, long sentToPerson, long personApproved) {

    public ApprovalFunnel {
        long[] all = {applications, approved, rejected, disbursed, reviewed, deviationApproved, machineDecided,
                machineApproved, ruleHits, scored, modelRejected, sentToPerson, personApproved};
        for (long n : all) {
            if (n < 0) {
                throw new IllegalArgumentException("funnel counts cannot be negative");
            }
        }
        if (machineApproved > machineDecided || modelRejected > scored || personApproved > sentToPerson
                || deviationApproved > approved) {
            throw new IllegalArgumentException("a part of the funnel exceeds its whole");
        }
    }

    /** 核准率 over applications: approved / applications. */
    public Optional<BigDecimal> approvalRateOfApplications() {
        return Ratio.of(approved, applications);
    }

    /** 核准率 over decided applications: approved / (approved + rejected). */
    public Optional<BigDecimal> approvalRateOfDecided() {
        return Ratio.of(approved, approved + rejected);
    }

    /** 拨贷率: disbursed / approved. */
    public Optional<BigDecimal> disbursementRate() {
        return Ratio.of(disbursed, approved);
    }

    /** 核拨率: disbursed / reviewed. */
    public Optional<BigDecimal> reviewedDisbursementRate() {
        return Ratio.of(disbursed, reviewed);
    }

    /** 违例核准率: deviation approvals / (approved + rejected). */
    public Optional<BigDecimal> deviationRate() {
        return Ratio.of(deviationApproved, approved + rejected);
    }

    /** 机审通过率: machine approvals / machine decisions. */
    public Optional<BigDecimal> machineApprovalRate() {
        return Ratio.of(machineApproved, machineDecided);
    }

    /** 规则命中率: applications hitting a rule / applications. */
    public Optional<BigDecimal> ruleHitRate() {
        return Ratio.of(ruleHits, applications);
    }

    /** 模型拒绝率: rejected by the model / scored. */
    public Optional<BigDecimal> modelRejectRate() {
        return Ratio.of(modelRejected, scored);
    }

    /** 人工通过率: approved by a person / sent to a person. */
    public Optional<BigDecimal> manualApprovalRate() {
        return Ratio.of(personApproved, sentToPerson);
    }
}
