package com.corpintel.migrate.db;

import com.corpintel.migrate.config.ConnectionSettings;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;

/**
 * The driver's TLS verification failures, said the way an operator can fix them: which
 * CA file is missing and how to name one, that the certificate is not signed by the
 * configured CA, or that it does not name the host. Null when the failure is not one of these.
 */
final class TlsFailures {

    private static final String NO_ROOT_FILE = "Could not open SSL root certificate file";
    private static final String BAD_ROOT_FILE = "Could not read SSL root certificate file";
    private static final String HOST_NOT_VERIFIED = "could not be verified by hostnameverifier";

    private TlsFailures() {
    }

    static String reason(SQLException e, ConnectionSettings where) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String rootCert = where.parameters().get("sslrootcert");
        String mode = "sslmode=" + where.sslMode();
        if (message.contains(NO_ROOT_FILE) || message.contains(BAD_ROOT_FILE)) {
            if (rootCert == null) {
                return mode + " verifies the server's certificate, but no CA certificate is configured (the driver's"
                        + " default, ~/.postgresql/root.crt, does not exist): mount the CA file and name it with"
                        + " sslrootcert=PATH in the URL or PGSSLROOTCERT=PATH, or use sslrootcert=system for a server"
                        + " whose certificate a public CA signed";
            }
            return "cannot read the CA certificate " + rootCert + " named by sslrootcert (" + mode
                    + "): mount the CA file (PEM) at that path, or name the right one";
        }
        if (message.contains(HOST_NOT_VERIFIED)) {
            return "the server's certificate is not issued for the host name " + where.host()
                    + " (sslmode=verify-full checks it): connect by a name the certificate lists";
        }
        if (untrustedCertificate(e)) {
            String trusted = rootCert != null ? "the CA certificate " + rootCert + " (sslrootcert)"
                    : where.parameters().containsKey("sslfactory") ? "a CA of the system trust store (sslrootcert=system)"
                    : "the configured CA";
            return "the server's certificate is not signed by " + trusted + " (" + mode
                    + "): name the CA that signed the server's certificate";
        }
        return null;
    }

    private static boolean untrustedCertificate(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
