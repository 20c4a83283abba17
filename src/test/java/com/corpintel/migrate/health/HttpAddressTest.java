package com.corpintel.migrate.health;

import com.corpintel.migrate.Failure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpAddressTest {

    @Test
    void withoutVariablesServeListensOnEveryInterfaceOnPort8080() {
        assertThat(HttpAddress.from(Map.of())).isEqualTo(new HttpAddress("0.0.0.0", 8080));
    }

    @Test
    void blankVariablesMeanTheDefaults() {
        assertThat(HttpAddress.from(Map.of("INTEL_MIGRATE_HTTP_HOST", " ", "INTEL_MIGRATE_HTTP_PORT", "")))
                .isEqualTo(new HttpAddress("0.0.0.0", 8080));
    }

    @Test
    void theVariablesChooseHostAndPort() {
        assertThat(HttpAddress.from(Map.of("INTEL_MIGRATE_HTTP_HOST", "127.0.0.1", "INTEL_MIGRATE_HTTP_PORT", " 9090 ")))
                .isEqualTo(new HttpAddress("127.0.0.1", 9090));
    }

    @Test
    void portZeroLetsTheSystemChoose() {
        assertThat(HttpAddress.from(Map.of("INTEL_MIGRATE_HTTP_PORT", "0")).port()).isZero();
    }

    @Test
    void aPortThatIsNoPortNumberIsAUsageError() {
        for (String port : new String[] {"http", "-1", "65536", "80.5"}) {
            assertThatThrownBy(() -> HttpAddress.from(Map.of("INTEL_MIGRATE_HTTP_PORT", port)))
                    .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(Failure.Kind.USAGE))
                    .hasMessage("INTEL_MIGRATE_HTTP_PORT must be a port number from 0 to 65535, not '" + port + "'");
        }
    }

    @Test
    void anIpv6HostIsBracketedInTheAuthority() {
        assertThat(new HttpAddress("::", 8080).authority(8080)).isEqualTo("[::]:8080");
        assertThat(new HttpAddress("0.0.0.0", 0).authority(41234)).isEqualTo("0.0.0.0:41234");
    }
}
