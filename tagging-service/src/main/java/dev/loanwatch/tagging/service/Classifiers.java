package dev.loanwatch.tagging.service;

import dev.loanwatch.industry.IndustryClassifier;
import dev.loanwatch.tagging.config.TaggingConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The industry classifier, trained once at start-up (not on the first request), and the tagger around it. */
@ApplicationScoped
public class Classifiers {

    @Produces
    @Singleton
    @Startup
    IndustryClassifier classifier() {
        return IndustryClassifier.standard();
    }

    @Produces
    @Singleton
    BorrowerTagger tagger(IndustryClassifier classifier, TaggingConfig config) {
        return new BorrowerTagger(classifier, config.maxScopeChars());
    }
}
