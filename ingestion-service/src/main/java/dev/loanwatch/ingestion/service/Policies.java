package dev.loanwatch.ingestion.service;

import dev.loanwatch.domain.FiveTierClassification;
import dev.loanwatch.domain.FiveTierGrade;
import dev.loanwatch.domain.FiveTierPolicy;
import dev.loanwatch.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Which five-tier policy each product follows (configuration: loanwatch.product-policy."card"=CREDIT_CARD). */
@ApplicationScoped
public class Policies {
    public static final Map<String, FiveTierPolicy> BY_NAME = Map.of(
            "COMMERCIAL_BANK_2023", FiveTierPolicy.COMMERCIAL_BANK_2023,
            "CREDIT_CARD", FiveTierPolicy.CREDIT_CARD);

    private final IngestionConfig config;

    public Policies(IngestionConfig config) {
        this.config = config;
        named(config.defaultPolicy());
        config.productPolicy().values().forEach(Policies::named);
    }

    private static FiveTierPolicy named(String name) {
        FiveTierPolicy p = BY_NAME.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown five-tier policy '" + name + "'; known: " + BY_NAME.keySet());
        }
        return p;
    }

    public String nameFor(String product) {
        return config.productPolicy().getOrDefault(product, config.defaultPolicy());
    }

    public FiveTierPolicy forProduct(String product) {
        return named(nameFor(product));
    }

    public Map<String, String> productPolicies() {
        return config.productPolicy();
    }

    /**
     * The part of a loan's grade that does not depend on DPD (restructuring, manual grade). The
     * daily close takes greatest(floor by DPD, this), which equals classify(policy, dpd, …)
     * because the DPD floor of 0 days is NORMAL and "worse of" is associative.
     */
    public static FiveTierGrade gradeMinimum(boolean restructured, FiveTierGrade gradeBefore, FiveTierGrade manualGrade) {
        return FiveTierClassification.classify(FiveTierPolicy.COMMERCIAL_BANK_2023, 0, restructured, gradeBefore,
                manualGrade);
    }
}
