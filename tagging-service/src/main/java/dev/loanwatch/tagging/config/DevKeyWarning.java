package dev.loanwatch.tagging.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Says loudly when a production start verifies tokens with the development key (JWT_PUBLIC_KEY not set). */
@ApplicationScoped
public class DevKeyWarning {
    static final String DEV_KEY = "dev-jwt/public-key.pem";
    private static final Logger LOG = Logger.getLogger(DevKeyWarning.class);

    void onStart(@Observes StartupEvent e,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") String location) {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_KEY.equals(location)) {
            LOG.warn("JWT tokens are verified with the development key (its private half is in the repository): "
                    + "set JWT_PUBLIC_KEY to your issuer's public key before anyone but you can reach this service");
        }
    }
}
