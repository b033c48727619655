package dev.loanwatch.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says loudly when a production start verifies tokens with the development key (JWT_PUBLIC_KEY not
 * set). The key, {@code dev-jwt/public-key.pem}, is on every service's classpath from this module;
 * a service without JWT (no {@code mp.jwt.verify.publickey.location}) is left alone.
 */
@ApplicationScoped
public class DevKeyWarning {
    static final String DEV_KEY = "dev-jwt/public-key.pem";
    private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

    void onStart(@Observes StartupEvent e,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") java.util.Optional<String> location) {
        if (LaunchMode.current() == LaunchMode.NORMAL && location.filter(DEV_KEY::equals).isPresent()) {
            LOG.warn("JWT tokens are verified with the development key (its private half is in the repository): "
                    + "set JWT_PUBLIC_KEY to your issuer's public key before anyone but you can reach this service");
        }
    }
}
