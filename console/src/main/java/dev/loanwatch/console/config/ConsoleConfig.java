package dev.loanwatch.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the services' public APIs are, by the name the pages call them under ({@code /api/<name>/…}). */
@ConfigMapping(prefix = "loanwatch.console")
public interface ConsoleConfig {

    /** Service name → base URL, e.g. {@code alert → http://127.0.0.1:8083}. */
    Map<String, String> services();

    /** How long a page waits for a service's answer before it is told the service did not answer. */
    @WithDefault("30s")
    Duration timeout();
}
