package com.corpintel.migrate.config;

import com.corpintel.migrate.Failure;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.postgresql.ssl.DefaultJavaSSLFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sslrootcert=system}, libpq's way (PostgreSQL 16) of trusting the system's CA
 * roots, for managed databases whose certificate a public CA signed. The JDBC driver has
 * no such value; its {@link DefaultJavaSSLFactory} verifies against the runtime's own
 * trust store (the JVM's cacerts; in a native executable, the one captured at build time
 * unless -Djavax.net.ssl.trustStore names another). As in libpq, it implies
 * sslmode=verify-full and refuses a weaker one.
 */
// The driver loads its sslfactory by class name: a native executable must keep the class and its constructor.
@RegisterForReflection(targets = DefaultJavaSSLFactory.class)
final class SystemTrustStore {

    static final String VALUE = "system";

    private SystemTrustStore() {
    }

    static boolean isNamedBy(Map<String, String> parameters) {
        return VALUE.equals(parameters.get("sslrootcert"));
    }

    /** verify-full when no sslmode is set; anything weaker is refused, as libpq does. */
    static String sslMode(String configured) {
        if (configured == null || configured.equals("verify-full")) {
            return "verify-full";
        }
        throw new Failure(Failure.Kind.CONNECTION, "sslrootcert=system needs sslmode=verify-full, not sslmode="
                + configured + " (a public CA vouches for a host name only when the name is checked)");
    }

    /** No root certificate file; the driver's factory that uses the runtime's trust store instead. */
    static Map<String, String> driverParameters(Map<String, String> parameters) {
        Map<String, String> driver = new LinkedHashMap<>(parameters);
        driver.remove("sslrootcert");
        driver.put("sslfactory", DefaultJavaSSLFactory.class.getName());
        return driver;
    }
}
