package dev.loanwatch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for the local system, signed with the development key pair: the private half is
 * {@code dev-jwt/private-key.pem} in this jar, the public half is what the services verify with
 * when {@code JWT_PUBLIC_KEY} is not set (service-platform's {@code dev-jwt/public-key.pem}, on every service's classpath).
 *
 * <pre>
 * local-stack token --user alice --roles analyst,admin [--minutes 60]
 * </pre>
 *
 * prints one RS256 JWT on stdout: {@code iss} {@value #ISSUER} (the services'
 * {@code mp.jwt.verify.issuer}), {@code upn} and {@code sub} the user, {@code groups} the roles,
 * {@code iat}, {@code exp} and a random {@code jti}. Other programs (the benchmark) call
 * {@link #mint(String, Collection, Duration)}.
 *
 * <p>Signed with jose4j: the library smallrye-jwt itself verifies with (so what is minted here is
 * read by the same code that reads it in the services), its version managed by the Quarkus BOM,
 * with no dependency but slf4j-api, which this module has anyway. Hand-written JSON and
 * {@code SHA256withRSA} would work too, but would be one more JWT encoder to keep right (claim
 * types, base64url without padding); the unit test still checks the signature with plain
 * {@code java.security}, independently of jose4j.
 *
 * <p>The key is for development only: anyone with this repository can sign as anyone. Real
 * deployments set {@code JWT_PUBLIC_KEY} to their issuer's key, and these tokens do not verify there.
 */
public final class DevTokens {

    /** The issuer the services expect ({@code mp.jwt.verify.issuer} default). */
    public static final String ISSUER = "https://loanwatch.dev/issuer";
    static final String PRIVATE_KEY_RESOURCE = "/dev-jwt/private-key.pem";
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private DevTokens() {
    }

    /** A token for {@code user} with {@code roles}, valid from now for {@code lifetime}, signed with the dev key. */
    public static String mint(String user, Collection<String> roles, Duration lifetime) {
        return mint(devKey(), user, roles, Instant.now(), lifetime);
    }

    static String mint(PrivateKey key, String user, Collection<String> roles, Instant issuedAt, Duration lifetime) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a token needs a user (--user)");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token lives 1 minute to " + MAX_LIFETIME.toDays() + " days, got " + lifetime);
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the token: " + e.getMessage(), e);
        }
    }

    /** The development private key (PKCS#8 PEM) from this jar. */
    static PrivateKey devKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream(PRIVATE_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PRIVATE_KEY_RESOURCE);
            }
            return privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PRIVATE_KEY_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    /** The DER bytes between {@code -----BEGIN type-----} and {@code -----END type-----}. */
    static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** {@code token --user U --roles a,b [--minutes N]}: the token, or an IllegalArgumentException naming what is wrong. */
    static String command(String[] args) {
        String user = null;
        List<String> roles = new ArrayList<>();
        Duration lifetime = DEFAULT_LIFETIME;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected argument: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--user" -> user = value.strip();
                case "--roles" -> {
                    for (String role : value.split(",")) {
                        if (!role.isBlank() && !roles.contains(role.strip())) {
                            roles.add(role.strip());
                        }
                    }
                }
                case "--minutes" -> {
                    try {
                        lifetime = Duration.ofMinutes(Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--minutes needs a whole number, got: " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unexpected argument: " + option);
            }
        }
        return mint(user, roles, lifetime);
    }
}
