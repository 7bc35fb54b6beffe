package dev.respawn.reloader.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class FrontPortTest {

    @Test
    void takesAPortAndOptionallyTheApplicationsPort() {
        assertThat(FrontPort.parse("8000")).isEqualTo(new FrontPort(8000, OptionalInt.empty()));
        assertThat(FrontPort.parse("8000:8080")).isEqualTo(new FrontPort(8000, OptionalInt.of(8080)));
    }

    @Test
    void saysWhatIsAcceptedOtherwise() {
        for (String bad : new String[] {"", "x", "0", "70000", "8000:", "1:2:3"}) {
            assertThatThrownBy(() -> FrontPort.parse(bad)).isInstanceOf(OptionsException.class)
                    .hasMessageContaining("--front-port must be N or N:APP_PORT");
        }
    }

    @Test
    void theAgentStringCarriesIt() {
        assertThat(Options.fromAgentString("front-port=8000:8080").frontPort())
                .contains(new FrontPort(8000, OptionalInt.of(8080)));
    }
}
