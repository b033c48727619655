package dev.loanwatch.tagging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loanwatch.tagging")
public interface TaggingConfig {

    /** Longest business scope accepted by Tag / ClassifyIndustry; longer texts from the loan book are classified on their start. */
    @WithDefault("4000")
    int maxScopeChars();

    /** Borrowers per backfill transaction. */
    @WithDefault("2000")
    int backfillChunk();

    /** How often each pod looks for a changed policy (rules, risk groups, overrides) and for work. */
    @WithDefault("1s")
    String pollEvery();
}
