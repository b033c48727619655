package dev.loanwatch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens minted with the dev private key verify with the public key the services ship
 * (service-platform's dev-jwt/public-key.pem), with the claims smallrye-jwt reads.
 */
class DevTokensTest {
    /** The public half as tagging-service verifies with it: read from there, so a key rotated on one side only fails here. */
    private static final Path SERVICE_PUBLIC_KEY = Path.of("../service-platform/src/main/resources/dev-jwt/public-key.pem");

    private static PublicKey publicKey;

    @BeforeAll
    static void readPublicKey() throws Exception {
        assertTrue(Files.isRegularFile(SERVICE_PUBLIC_KEY), SERVICE_PUBLIC_KEY.toAbsolutePath() + " is missing");
        byte[] der = DevTokens.pemBody(Files.readString(SERVICE_PUBLIC_KEY, StandardCharsets.US_ASCII), "PUBLIC KEY");
        publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setVerificationKey(publicKey)
                .setExpectedIssuer(DevTokens.ISSUER)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
    }

    @Test
    void theCommandsTokenVerifiesWithTheServicesPublicKeyAndCarriesTheClaims() throws Exception {
        String token = DevTokens.command(new String[]{"--user", "alice", "--roles", "analyst,admin", "--minutes", "5"});

        JwtClaims claims = consumer().processToClaims(token);

        assertEquals(DevTokens.ISSUER, claims.getIssuer());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("analyst", "admin"), claims.getStringListClaimValue("groups"));
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        long now = Instant.now().getEpochSecond();
        assertTrue(Math.abs(claims.getIssuedAt().getValue() - now) < 60, "iat is now");
        assertFalse(claims.getJwtId().isBlank());
    }

    @Test
    void theSignatureIsRs256OverHeaderAndPayloadCheckedWithPlainJavaSecurity() throws Exception {
        String token = DevTokens.mint("bob", List.of("admin"), Duration.ofMinutes(1));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

        assertTrue(verifies(parts[0] + "." + parts[1], signature));

        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"admin\"", "\"root\"").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifies(parts[0] + "." + forged, signature), "a changed payload must not verify");
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(parts[0] + "." + forged + "." + parts[2]));
    }

    private static boolean verifies(String signingInput, byte[] signature) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(signature);
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = DevTokens.mint(DevTokens.devKey(), "carol", List.of("analyst"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));

        InvalidJwtException e = assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(token));
        assertTrue(e.hasExpired(), e.getMessage());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = DevTokens.mint(generator.generateKeyPair().getPrivate(), "mallory", List.of("admin"),
                Instant.now(), Duration.ofMinutes(5));

        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(token));
    }

    @Test
    void theCommandNamesWhatIsWrong() {
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> DevTokens.command(new String[]{"--roles", "admin"}));
        assertTrue(noUser.getMessage().contains("--user"), noUser.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DevTokens.command(new String[]{"--user", "a", "--minutes", "x"}));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.command(new String[]{"--user", "a", "--minutes", "0"}));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.command(new String[]{"--user"}));
        assertThrows(IllegalArgumentException.class, () -> DevTokens.command(new String[]{"--user", "a", "--colour", "red"}));
    }
}
